package dev.swarm.api.eval;

import dev.swarm.api.Task;

/**
 * Judges an answer to a task: structure, groundedness, or a judge model's rubric. The runtime's
 * evaluator loop sends failing answers back for revision with the verdict's feedback.
 *
 * <p>Called on the orchestrating task's thread (usually virtual); may block (a judge model call).
 * Thread-safe. An evaluator that cannot reach a verdict returns a failing verdict saying why
 * rather than throwing.
 */
@FunctionalInterface
public interface Evaluator {
  /** Judges {@code answer} as a response to {@code task}. */
  Verdict evaluate(Task task, String answer);
}
