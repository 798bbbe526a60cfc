package dev.swarm.core;

/** What a plan does with the steps that depend on a step that did not complete. */
public enum FailurePolicy {
  /** Dependents do not run: they fail naming the dependency, and so does the plan. */
  FAIL_DEPENDENTS,
  /** Dependents run anyway, told which of their inputs are missing and why. */
  DEGRADE
}
