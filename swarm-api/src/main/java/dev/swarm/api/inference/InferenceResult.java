package dev.swarm.api.inference;

import dev.swarm.api.Checks;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The answer to an {@link InferenceRequest} with everything spent and decided to get it.
 *
 * @param content the model's answer
 * @param tier the tier that produced it
 * @param model the model's name
 * @param usage tokens consumed (zero for a cache hit)
 * @param costUsd what the call cost in US dollars, retries and a failed small attempt included
 * @param latency wall time of the whole call, retries and fallback included
 * @param cached whether the answer came from the response cache
 * @param fellBack whether the small tier failed or was rejected and the large tier answered
 * @param complexity the classifier's reading, or null when routing was forced or cached
 * @param decision why this tier answered, in a sentence, for logs and reports
 */
public record InferenceResult(
    String content,
    ModelTier tier,
    String model,
    TokenUsage usage,
    double costUsd,
    Duration latency,
    boolean cached,
    boolean fellBack,
    @Nullable Complexity complexity,
    String decision) {

  /** Validates. */
  public InferenceResult {
    Checks.notNull(content, "content");
    Checks.notNull(tier, "tier");
    Checks.notBlank(model, "model");
    Checks.notNull(usage, "usage");
    Checks.notNegative(costUsd, "costUsd");
    Checks.notNull(latency, "latency");
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative but was " + latency);
    }
    Checks.notNull(decision, "decision");
  }

  /** This answer as served from the cache: no tokens, no cost, the lookup's latency. */
  public InferenceResult asCached(Duration lookupLatency, String why) {
    return new InferenceResult(content, tier, model, TokenUsage.NONE, 0, lookupLatency, true, false, null, why);
  }
}
