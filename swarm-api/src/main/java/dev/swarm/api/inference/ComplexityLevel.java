package dev.swarm.api.inference;

/** A coarse reading of a {@link Complexity} score against the configured thresholds. */
public enum ComplexityLevel {
  /** Below the simple threshold: the small tier. */
  SIMPLE,
  /** Between the thresholds: decided by the configured medium policy. */
  MEDIUM,
  /** At or above the complex threshold: the large tier. */
  COMPLEX
}
