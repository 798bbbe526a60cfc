package dev.swarm.api.inference;

/**
 * Answers model calls: picks the tier, calls the model resiliently, and accounts for the tokens,
 * dollars and time spent.
 *
 * <p>Blocking by design: callers run on virtual threads, where blocking is cheap and stack traces
 * stay readable. Thread-safe.
 */
@FunctionalInterface
public interface InferenceEngine {
  /**
   * Answers {@code request}.
   *
   * @throws dev.swarm.api.SwarmException.Retriable when every model that could answer failed in a
   *     way that may pass (timeouts, rate limits, open circuits)
   * @throws dev.swarm.api.BudgetExceededException when the request's budget is spent
   * @throws dev.swarm.api.SwarmException.Permanent for other failures retrying cannot fix
   */
  InferenceResult infer(InferenceRequest request);
}
