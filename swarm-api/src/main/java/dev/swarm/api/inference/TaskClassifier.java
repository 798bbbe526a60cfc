package dev.swarm.api.inference;

/**
 * Scores how hard a prompt is, so the engine can send routine work to the small tier.
 *
 * <p>Called on the caller's thread (usually a virtual thread running a worker's task); CPU-bound
 * and must be thread-safe. It must not call a model: it runs before every model call.
 */
@FunctionalInterface
public interface TaskClassifier {
  /**
   * Scores {@code prompt}.
   *
   * @return a complexity whose score is the probability the prompt needs the large model
   */
  Complexity classify(String prompt);
}
