package dev.swarm.core;

import dev.swarm.api.Task;
import dev.swarm.api.inference.InferenceEngine;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Splits a task into a {@link Plan} of subtasks.
 *
 * <p>Called on the orchestrating task's thread (a virtual thread); may block on a model call.
 * Thread-safe.
 */
@FunctionalInterface
public interface Planner {
  /**
   * Plans {@code task}.
   *
   * @throws dev.swarm.api.SwarmException when no valid plan can be made
   */
  Plan plan(Task task);

  /**
   * A planner that asks the large model for a JSON plan using the given skills, validates it, and
   * on a malformed plan asks again with the validation error, up to three attempts.
   *
   * @param engine the engine to ask; the request forces the large tier
   * @param skills the skills the swarm's workers offer; a plan naming another is malformed
   */
  static Planner llm(InferenceEngine engine, Collection<String> skills) {
    return new ModelPlanner(Objects.requireNonNull(engine, "engine must not be null"),
        List.copyOf(Objects.requireNonNull(skills, "skills must not be null")), 3);
  }
}
