package dev.swarm.core;

import dev.swarm.api.TaskResult;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How every step of a {@link Plan} ended.
 *
 * @param plan the plan that ran
 * @param results each step's result by step id, copied and immutable; one per step
 */
public record PlanResult(Plan plan, Map<String, TaskResult> results) {
  /** Validates and copies. */
  public PlanResult {
    Objects.requireNonNull(plan, "plan must not be null");
    results = Map.copyOf(Objects.requireNonNull(results, "results must not be null"));
    for (PlanStep step : plan.steps()) {
      if (!results.containsKey(step.id())) {
        throw new IllegalArgumentException("result of step '" + step.id() + "' is missing");
      }
    }
  }

  /** The result of step {@code stepId}. */
  public TaskResult result(String stepId) {
    TaskResult r = results.get(Objects.requireNonNull(stepId, "stepId must not be null"));
    if (r == null) {
      throw new IllegalArgumentException("the plan has no step '" + stepId + "'");
    }
    return r;
  }

  /** Whether every step completed. */
  public boolean succeeded() {
    return results.values().stream().allMatch(TaskResult::isCompleted);
  }

  /** The ids of the steps that did not complete, in plan order. */
  public List<String> failedSteps() {
    return plan.steps().stream().map(PlanStep::id).filter(id -> !results.get(id).isCompleted()).toList();
  }

  /** What every step cost, in US dollars. */
  public double costUsd() {
    return results.values().stream().mapToDouble(TaskResult::costUsd).sum();
  }

  /**
   * The completed steps' outputs in plan order, each under its id: the aggregate a synthesizer
   * writes the final answer from.
   */
  public String aggregate() {
    return plan.steps().stream()
        .filter(step -> results.get(step.id()).isCompleted())
        .map(step -> "[" + step.id() + "] " + results.get(step.id()).output())
        .collect(Collectors.joining("\n\n"));
  }
}
