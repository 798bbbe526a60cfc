package dev.swarm.inference;

import dev.swarm.api.inference.InferenceRequest;
import java.util.Optional;

/**
 * Checks a small-tier answer in cascade mode; a rejected answer is escalated to the large tier.
 * A cheap check (does the answer parse as the JSON asked for, is it non-empty, does it stay under
 * the length cap) catches most small-model failures for a fraction of a large-model call.
 *
 * <p>Called on the caller's thread after the small model answers; must be thread-safe and should
 * be quick.
 */
@FunctionalInterface
public interface Verifier {
  /**
   * Checks {@code answer} to {@code request}.
   *
   * @return empty when the answer is acceptable, else why it is not (for events and logs)
   */
  Optional<String> check(InferenceRequest request, String answer);
}
