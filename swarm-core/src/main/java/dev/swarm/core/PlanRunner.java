package dev.swarm.core;

import dev.swarm.api.Task;
import dev.swarm.api.TaskHandle;
import dev.swarm.api.TaskId;
import dev.swarm.api.TaskResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs one {@link Plan}: dispatches every ready step, and as each ends, dispatches the steps it
 * was the last dependency of. Nothing blocks and nothing locks: steps advance on the threads that
 * complete their predecessors, counting down atomic counters, so a fan-out of thousands costs no
 * thread of its own and its completions never queue behind a monitor.
 */
final class PlanRunner {
  private final Plan plan;
  private final Task parent;
  private final FailurePolicy policy;
  private final Function<Task, TaskHandle> dispatch;
  private final Map<String, List<PlanStep>> dependents = new HashMap<>();
  private final Map<String, AtomicInteger> waitingOn = new HashMap<>();
  private final Map<String, TaskResult> results = new ConcurrentHashMap<>();
  private final AtomicInteger unfinished;
  private final Map<String, TaskHandle> running = new ConcurrentHashMap<>();
  private final CompletableFuture<PlanResult> done = new CompletableFuture<>();
  private volatile boolean canceled;

  PlanRunner(Plan plan, Task parent, FailurePolicy policy, Function<Task, TaskHandle> dispatch) {
    this.plan = plan;
    this.parent = parent;
    this.policy = policy;
    this.dispatch = dispatch;
    this.unfinished = new AtomicInteger(plan.steps().size());
    for (PlanStep step : plan.steps()) {
      waitingOn.put(step.id(), new AtomicInteger(step.dependsOn().size()));
      for (String dep : step.dependsOn()) {
        dependents.computeIfAbsent(dep, k -> new ArrayList<>()).add(step);
      }
    }
  }

  /** Starts the steps without dependencies; the future completes when every step has ended. */
  CompletableFuture<PlanResult> start() {
    for (PlanStep step : plan.steps()) {
      if (step.dependsOn().isEmpty()) {
        launch(step);
      }
    }
    return done;
  }

  /** Cancels the running steps; steps not yet started end canceled without running. */
  void cancel() {
    canceled = true;
    running.values().forEach(TaskHandle::cancel);
  }

  private void launch(PlanStep step) {
    Task subtask = subtask(step);
    if (canceled) {
      ended(step, TaskResult.canceled(subtask.id()));
      return;
    }
    TaskHandle handle;
    try {
      handle = dispatch.apply(subtask);
    } catch (RuntimeException e) {
      ended(step, TaskResult.failed(subtask.id(), "step '" + step.id() + "' could not be dispatched: " + e.getMessage()));
      return;
    }
    running.put(step.id(), handle);
    if (canceled) {
      handle.cancel();
    }
    handle.result().whenComplete((r, error) -> ended(step, r != null ? r
        : TaskResult.failed(subtask.id(), "step '" + step.id() + "' ended abnormally: " + error)));
  }

  /** Records a step's end (results first, so a dependent made ready here sees it) and starts what it unblocks. */
  private void ended(PlanStep step, TaskResult result) {
    results.put(step.id(), result);
    running.remove(step.id());
    for (PlanStep next : dependents.getOrDefault(step.id(), List.of())) {
      if (waitingOn.get(next.id()).decrementAndGet() == 0) {
        List<String> missing = next.dependsOn().stream().filter(dep -> !results.get(dep).isCompleted()).toList();
        if (!missing.isEmpty() && policy == FailurePolicy.FAIL_DEPENDENTS) {
          ended(next, TaskResult.failed(subtaskId(next), "step '" + next.id() + "' did not run: its dependencies "
              + missing + " did not complete"));
        } else {
          launch(next);
        }
      }
    }
    if (unfinished.decrementAndGet() == 0) {
      done.complete(new PlanResult(plan, results));
    }
  }

  /** A subtask of the parent; built directly because the builder draws a random id it would discard. */
  private Task subtask(PlanStep step) {
    return new Task(subtaskId(step), parent.contextId(), input(step), step.skill(), parent.priority(), parent.deadline(),
        parent.correlationId(), parent.id(), Map.of("planStep", step.id()));
  }

  /** The parent's id and the step's, so logs read as a tree; random when that would be too long. */
  private TaskId subtaskId(PlanStep step) {
    String id = parent.id().value() + "/" + step.id();
    return id.length() <= TaskId.MAX_LENGTH ? TaskId.of(id) : TaskId.random();
  }

  /** The step's input followed by its dependencies' outputs, or why they have none. */
  private String input(PlanStep step) {
    if (step.dependsOn().isEmpty()) {
      return step.input();
    }
    String earlier = step.dependsOn().stream()
        .map(dep -> {
          TaskResult r = results.get(dep);
          return r.isCompleted() ? "[" + dep + "] " + r.output()
              : "[" + dep + "] (not available: " + r.status() + (r.error() == null ? "" : ", " + r.error()) + ")";
        })
        .collect(Collectors.joining("\n"));
    return step.input() + "\n\nResults of the steps this one depends on:\n" + earlier;
  }
}
