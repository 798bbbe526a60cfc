package dev.swarm.api.eval;

import dev.swarm.api.Checks;

/**
 * An evaluator's judgement of an answer.
 *
 * @param score quality in [0, 1]
 * @param pass whether the answer is good enough to return
 * @param feedback what to fix, fed back to the agent on revision; empty when there is nothing
 */
public record Verdict(double score, boolean pass, String feedback) {
  /** Validates. */
  public Verdict {
    Checks.inRange(score, 0, 1, "score");
    Checks.notNull(feedback, "feedback");
  }

  /** A passing verdict with full marks. */
  public static Verdict passed() {
    return new Verdict(1.0, true, "");
  }

  /** A failing verdict with the given score and feedback. */
  public static Verdict failed(double score, String feedback) {
    return new Verdict(score, false, Checks.notBlank(feedback, "feedback"));
  }
}
