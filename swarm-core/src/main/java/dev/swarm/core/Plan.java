package dev.swarm.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A task split into subtasks that form a directed acyclic graph: a step runs once every step it
 * depends on has ended, and steps that are ready together run in parallel. A plan with a cycle or
 * a dependency on an unknown step is refused when it is built, before anything runs.
 *
 * <pre>{@code
 * Plan plan = Plan.of(
 *     PlanStep.of("facts", "List the Q3 figures", "extract"),
 *     PlanStep.of("risks", "List the Q3 risks", "extract"),
 *     PlanStep.of("summary", "Summarise figures and risks", "summarise", "facts", "risks"));
 * }</pre>
 *
 * @param steps the steps in the order given, copied and immutable; at least one
 */
public record Plan(List<PlanStep> steps) {
  /** Validates: unique ids, known dependencies, no cycles. */
  public Plan {
    steps = List.copyOf(Objects.requireNonNull(steps, "steps must not be null"));
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a plan needs at least one step");
    }
    Map<String, PlanStep> byId = new LinkedHashMap<>();
    for (PlanStep step : steps) {
      if (byId.putIfAbsent(step.id(), step) != null) {
        throw new IllegalArgumentException("step id '" + step.id() + "' appears twice; step ids must be unique");
      }
    }
    for (PlanStep step : steps) {
      for (String dep : step.dependsOn()) {
        if (!byId.containsKey(dep)) {
          throw new IllegalArgumentException("step '" + step.id() + "' depends on unknown step '" + dep
              + "'; known steps: " + byId.keySet());
        }
      }
    }
    rejectCycles(byId);
  }

  /** A plan of these steps. */
  public static Plan of(PlanStep... steps) {
    return new Plan(List.of(steps));
  }

  /** The step with {@code id}, if the plan has one. */
  public Optional<PlanStep> step(String id) {
    return steps.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /** Depth-first search; a step met again while still on the path closes a cycle, which is named. */
  private static void rejectCycles(Map<String, PlanStep> byId) {
    Map<String, Integer> state = new HashMap<>(); // absent: unseen, 1: on the path, 2: done
    for (String start : byId.keySet()) {
      if (state.containsKey(start)) {
        continue;
      }
      Deque<Iterator> stack = new ArrayDeque<>();
      List<String> path = new ArrayList<>();
      stack.push(new Iterator(start, byId.get(start).dependsOn()));
      state.put(start, 1);
      path.add(start);
      while (!stack.isEmpty()) {
        Iterator top = stack.peek();
        if (top.next < top.deps.size()) {
          String dep = top.deps.get(top.next++);
          Integer seen = state.get(dep);
          if (seen == null) {
            state.put(dep, 1);
            path.add(dep);
            stack.push(new Iterator(dep, byId.get(dep).dependsOn()));
          } else if (seen == 1) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(dep), path.size()));
            cycle.add(dep);
            throw new IllegalArgumentException("the plan has a dependency cycle: " + String.join(" -> ", cycle)
                + "; every step must be reachable without coming back to itself");
          }
        } else {
          stack.pop();
          state.put(top.id, 2);
          path.removeLast();
        }
      }
    }
  }

  /** Where the search stands in one step's dependencies. */
  private static final class Iterator {
    final String id;
    final List<String> deps;
    int next;

    Iterator(String id, List<String> deps) {
      this.id = id;
      this.deps = deps;
    }
  }
}
