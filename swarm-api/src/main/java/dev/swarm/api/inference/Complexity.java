package dev.swarm.api.inference;

import dev.swarm.api.Checks;

/**
 * A classifier's reading of how hard a task is.
 *
 * @param level the score read against the thresholds
 * @param score the probability that the task needs the large model, in [0, 1]
 * @param confidence how sure the classifier is of {@code level}, in [0, 1]
 */
public record Complexity(ComplexityLevel level, double score, double confidence) {
  /** Validates. */
  public Complexity {
    Checks.notNull(level, "level");
    Checks.inRange(score, 0, 1, "score");
    Checks.inRange(confidence, 0, 1, "confidence");
  }

  /**
   * Reads a score against thresholds: SIMPLE below {@code simpleThreshold}, COMPLEX from {@code
   * complexThreshold}, MEDIUM between.
   */
  public static Complexity of(
      double score, double confidence, double simpleThreshold, double complexThreshold) {
    Checks.inRange(simpleThreshold, 0, 1, "simpleThreshold");
    Checks.inRange(complexThreshold, 0, 1, "complexThreshold");
    if (simpleThreshold > complexThreshold) {
      throw new IllegalArgumentException(
          "simpleThreshold must be <= complexThreshold but was "
              + simpleThreshold + " > " + complexThreshold);
    }
    ComplexityLevel level =
        score < simpleThreshold
            ? ComplexityLevel.SIMPLE
            : score >= complexThreshold ? ComplexityLevel.COMPLEX : ComplexityLevel.MEDIUM;
    return new Complexity(level, score, confidence);
  }
}
