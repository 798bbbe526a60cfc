package dev.swarm.api.inference;

import dev.swarm.api.Checks;

/**
 * A cached answer found for a request.
 *
 * @param result the answer as it was first produced
 * @param similarity how close the cached prompt is to the asked one, in [0, 1]; 1 for exact
 * @param exact whether the prompt matched exactly rather than semantically
 */
public record CacheHit(InferenceResult result, double similarity, boolean exact) {
  /** Validates. */
  public CacheHit {
    Checks.notNull(result, "result");
    Checks.inRange(similarity, 0, 1, "similarity");
  }
}
