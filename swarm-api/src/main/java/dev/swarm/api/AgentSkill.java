package dev.swarm.api;

import java.util.List;

/**
 * One thing an agent can do, as advertised on its card and matched against {@link Task#skill()}.
 * Mirrors A2A's {@code AgentSkill}.
 *
 * @param id the skill's id, matched exactly against a task's skill
 * @param name a human-readable name
 * @param description what the skill does
 * @param tags keywords for discovery, copied and immutable
 */
public record AgentSkill(String id, String name, String description, List<String> tags) {
  /** Validates and copies. */
  public AgentSkill {
    Checks.notBlank(id, "skill id");
    Checks.notBlank(name, "skill name");
    Checks.notNull(description, "skill description");
    tags = List.copyOf(Checks.notNull(tags, "skill tags"));
  }

  /** A skill whose id is also its name, with no description or tags. */
  public static AgentSkill of(String id) {
    return new AgentSkill(id, id, "", List.of());
  }
}
