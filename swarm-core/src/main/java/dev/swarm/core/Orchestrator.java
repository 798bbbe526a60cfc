package dev.swarm.core;

import dev.swarm.api.AgentCard;
import dev.swarm.api.AgentRole;
import dev.swarm.api.Task;
import dev.swarm.api.TaskResult;
import dev.swarm.api.event.SwarmEvent;
import dev.swarm.api.inference.RoutingHint;
import dev.swarm.api.memory.Memory;
import java.util.Map;
import java.util.Objects;

/**
 * The stock orchestrator: plans a task with a {@link Planner}, runs the plan's subtasks on the
 * swarm's workers, keeps the task and its subtasks' results in shared memory (when the swarm has
 * one) so every agent of the job sees them, and synthesizes the answer from the aggregated results.
 *
 * <pre>{@code
 * Orchestrator lead = Orchestrator.of("lead", Planner.llm(engine, List.of("research", "summarise")));
 * }</pre>
 *
 * <p>Subclass and override {@link #synthesize} to write the answer another way.
 */
public class Orchestrator extends BaseAgent {
  private final Planner planner;
  private final FailurePolicy policy;

  /**
   * An orchestrator with this card, options, planner and failure policy.
   *
   * @param card who it is; its role is usually {@link AgentRole#ORCHESTRATOR}
   * @param options its master prompt (used when synthesizing), limits and timeout
   * @param planner splits tasks into plans
   * @param policy what a failed step does to its dependents and to the answer
   */
  public Orchestrator(AgentCard card, AgentOptions options, Planner planner, FailurePolicy policy) {
    super(card, options);
    this.planner = Objects.requireNonNull(planner, "planner must not be null");
    this.policy = Objects.requireNonNull(policy, "policy must not be null");
  }

  /** An orchestrator with skill {@code orchestrate}, default options, failing dependents of a failed step. */
  public static Orchestrator of(String id, Planner planner) {
    return new Orchestrator(AgentCard.of(id, AgentRole.ORCHESTRATOR, "orchestrate"), AgentOptions.defaults(), planner,
        FailurePolicy.FAIL_DEPENDENTS);
  }

  /** Plans, runs the plan, remembers the results and synthesizes the answer. */
  @Override
  protected final TaskResult process(Task task) throws InterruptedException {
    Plan plan = planner.plan(task);
    publish(new SwarmEvent.Planned(task.id(), plan.steps().size(), task.correlationId(), clock().instant()));
    // The whole task goes into shared memory first, so every worker of the job can retrieve it.
    optionalMemory().ifPresent(memory -> memory.put(task.contextId(), task.input(),
        Map.of("kind", "task", "task", task.id().value())));
    PlanResult results = execute(plan, task, policy);
    optionalMemory().ifPresent(memory -> remember(memory, task, results));
    if (!results.succeeded() && policy == FailurePolicy.FAIL_DEPENDENTS) {
      String first = results.failedSteps().getFirst();
      return TaskResult.failed(task.id(), "steps " + results.failedSteps() + " did not complete; step '" + first
          + "': " + Objects.requireNonNullElse(results.result(first).error(), results.result(first).status().name()));
    }
    return TaskResult.completed(task.id(), synthesize(task, results));
  }

  /**
   * Writes the final answer from the subtasks' results; by default asks the large model with the
   * aggregated outputs. Called on the task's thread.
   */
  protected String synthesize(Task task, PlanResult results) {
    String prompt = "Task: " + task.input()
        + "\n\nResults of its subtasks:\n" + results.aggregate()
        + (results.succeeded() ? "" : "\n\nThese subtasks produced nothing: " + results.failedSteps())
        + "\n\nWrite the final answer to the task from these results.";
    return infer(prompt, RoutingHint.FORCE_LARGE).content();
  }

  private static void remember(Memory memory, Task task, PlanResult results) {
    for (PlanStep step : results.plan().steps()) {
      TaskResult r = results.result(step.id());
      if (r.isCompleted() && !r.output().isBlank()) {
        memory.put(task.contextId(), r.output(), Map.of("kind", "subtask-result", "step", step.id(), "task", task.id().value()));
      }
    }
  }
}
