package dev.swarm.vector;

import java.util.Map;
import java.util.Objects;

/**
 * One vector found by a {@link VectorIndex} search.
 *
 * @param id the id the vector was added under
 * @param score similarity to the query in [0, 1]: {@code (1 + cosine) / 2}, as jvector and
 *     langchain4j report it
 * @param metadata the metadata the vector was added with, immutable
 */
public record VectorHit(String id, double score, Map<String, String> metadata) {
  /** Validates and copies. */
  public VectorHit {
    Objects.requireNonNull(id, "id must not be null");
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be in [0, 1] but was " + score);
    }
    metadata = Map.copyOf(Objects.requireNonNull(metadata, "metadata must not be null"));
  }

  /** The cosine similarity behind {@link #score()}, in [-1, 1]. */
  public double cosine() {
    return 2 * score - 1;
  }
}
