package dev.swarm.core;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One subtask of a {@link Plan}.
 *
 * @param id the step's id, unique within its plan
 * @param input what the subtask asks for
 * @param skill the skill an agent needs to take it, or null for any worker
 * @param dependsOn ids of the steps whose results it needs, copied and immutable
 */
public record PlanStep(String id, String input, @Nullable String skill, List<String> dependsOn) {
  /** Validates and copies. */
  public PlanStep {
    if (Objects.requireNonNull(id, "step id must not be null").isBlank()) {
      throw new IllegalArgumentException("step id must not be blank");
    }
    if (Objects.requireNonNull(input, "step input must not be null").isBlank()) {
      throw new IllegalArgumentException("input of step '" + id + "' must not be blank");
    }
    if (skill != null && skill.isBlank()) {
      throw new IllegalArgumentException("skill of step '" + id + "' must not be blank; pass null for any worker");
    }
    dependsOn = List.copyOf(Objects.requireNonNull(dependsOn, "dependsOn must not be null"));
    if (dependsOn.contains(id)) {
      throw new IllegalArgumentException("step '" + id + "' depends on itself");
    }
  }

  /** A step with the given dependencies. */
  public static PlanStep of(String id, String input, @Nullable String skill, String... dependsOn) {
    return new PlanStep(id, input, skill, List.of(dependsOn));
  }
}
