package dev.swarm.vector;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Whether the semantic cache would answer one prompt with the answer cached for another, and why.
 *
 * @param similarity cosine similarity of the two prompts' embeddings, in [-1, 1]; 1 for an exact
 *     match
 * @param hit whether the cached answer would be served
 * @param reason why, in a sentence, for logs and the {@code swarm cache-check} command
 * @param vetoedBy the guard that refused a hit the similarity alone would have allowed, or null
 */
public record CacheDecision(double similarity, boolean hit, String reason, @Nullable Guard vetoedBy) {
  /** Validates. */
  public CacheDecision {
    if (!(similarity >= -1.0001 && similarity <= 1.0001)) {
      throw new IllegalArgumentException("similarity must be in [-1, 1] but was " + similarity);
    }
    Objects.requireNonNull(reason, "reason must not be null");
    if (hit && vetoedBy != null) {
      throw new IllegalArgumentException("a hit cannot be vetoed, but vetoedBy was " + vetoedBy);
    }
  }
}
