package dev.swarm.api;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an agent says about itself: who it is, what it can do, and where to reach it if it is
 * remote. The A2A module maps this to and from the A2A Agent Card.
 *
 * @param id unique id of the agent within a swarm
 * @param name a human-readable name
 * @param description what the agent is for
 * @param version the agent's version
 * @param role the part it plays
 * @param skills what it can do, copied and immutable
 * @param url where a remote agent is reached, or null for a local one
 */
public record AgentCard(
    String id,
    String name,
    String description,
    String version,
    AgentRole role,
    List<AgentSkill> skills,
    @Nullable URI url) {

  /** Validates and copies. */
  public AgentCard {
    Checks.notBlank(id, "agent id");
    Checks.notBlank(name, "agent name");
    Checks.notNull(description, "agent description");
    Checks.notBlank(version, "agent version");
    Checks.notNull(role, "agent role");
    skills = List.copyOf(Checks.notNull(skills, "agent skills"));
  }

  /** A local agent's card with version 1.0 and skills given by id. */
  public static AgentCard of(String id, AgentRole role, String... skillIds) {
    return new AgentCard(
        id, id, "", "1.0", role, java.util.Arrays.stream(skillIds).map(AgentSkill::of).toList(), null);
  }

  /** Whether the agent advertises the skill with this id. */
  public boolean hasSkill(String skillId) {
    return skills.stream().anyMatch(skill -> skill.id().equals(skillId));
  }
}
