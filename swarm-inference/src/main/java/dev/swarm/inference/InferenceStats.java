package dev.swarm.inference;

import java.time.Duration;

/**
 * The engine's running totals, as users of the Python original know them.
 *
 * @param totalRequests requests answered, cache hits included
 * @param smallRequests requests the small tier answered
 * @param largeRequests requests the large tier answered (fallbacks and escalations included)
 * @param smallShare small answers as a share of model-answered requests, in [0, 1]
 * @param largeShare large answers as a share of model-answered requests, in [0, 1]
 * @param fallbacks requests where the small tier failed and the large one answered
 * @param escalations requests where a verifier rejected the small answer and the large one answered
 * @param cacheHits requests answered from the response cache
 * @param failures requests that ended in an exception (budget refusals included)
 * @param averageLatency mean wall time of answered requests
 * @param p95Latency 95th percentile wall time over the most recent answered requests
 * @param totalCostUsd dollars spent
 * @param costPerRequestUsd dollars per answered request
 * @param largeOnlyCostUsd what the same tokens would have cost on the large tier alone
 * @param savingsUsd {@code largeOnlyCostUsd - totalCostUsd}
 */
public record InferenceStats(
    long totalRequests,
    long smallRequests,
    long largeRequests,
    double smallShare,
    double largeShare,
    long fallbacks,
    long escalations,
    long cacheHits,
    long failures,
    Duration averageLatency,
    Duration p95Latency,
    double totalCostUsd,
    double costPerRequestUsd,
    double largeOnlyCostUsd,
    double savingsUsd) {

  /** Validates. */
  public InferenceStats {
    java.util.Objects.requireNonNull(averageLatency, "averageLatency must not be null");
    java.util.Objects.requireNonNull(p95Latency, "p95Latency must not be null");
    if (totalRequests < 0 || smallRequests < 0 || largeRequests < 0 || fallbacks < 0 || escalations < 0
        || cacheHits < 0 || failures < 0) {
      throw new IllegalArgumentException("counts must be >= 0 but were " + totalRequests + ", " + smallRequests
          + ", " + largeRequests + ", " + fallbacks + ", " + escalations + ", " + cacheHits + ", " + failures);
    }
  }

  /** Savings as a share of the large-only cost, in [0, 1] when routing saved money; 0 before any cost. */
  public double savingsShare() {
    return largeOnlyCostUsd == 0 ? 0 : savingsUsd / largeOnlyCostUsd;
  }
}
