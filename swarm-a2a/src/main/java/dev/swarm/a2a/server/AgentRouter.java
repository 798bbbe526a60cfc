package dev.swarm.a2a.server;

import dev.swarm.api.Agent;
import dev.swarm.api.AgentCard;
import dev.swarm.api.AgentRole;
import dev.swarm.api.AgentSkill;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Picks which of the server's agents takes a task: the first with the task's skill, or the least
 * loaded when the task names none. With one agent the server is that agent; with several it shows
 * one card listing every skill.
 */
final class AgentRouter {
  private final List<Agent> agents;
  private final AgentCard card;

  AgentRouter(List<Agent> agents) {
    this.agents = List.copyOf(agents);
    this.card = agents.size() == 1 ? agents.get(0).card() : merged(this.agents);
  }

  AgentCard card() {
    return card;
  }

  /**
   * The agent for a task needing {@code skill} (null: any).
   *
   * @throws RpcError invalid params naming the skill and what is offered when no agent has it
   */
  Agent route(@Nullable String skill) {
    if (skill == null) {
      return agents.stream().min(Comparator.comparingDouble(AgentRouter::loadShare)).orElseThrow();
    }
    return agents.stream()
        .filter(agent -> agent.card().hasSkill(skill))
        .min(Comparator.comparingDouble(AgentRouter::loadShare))
        .orElseThrow(() -> RpcError.invalidParams("no agent here has skill '" + skill + "'; skills offered: "
            + card.skills().stream().map(AgentSkill::id).collect(Collectors.joining(", "))));
  }

  private static double loadShare(Agent agent) {
    return agent.currentLoad() / (double) Math.max(1, agent.maxLoad());
  }

  private static AgentCard merged(List<Agent> agents) {
    Map<String, AgentSkill> skills = new LinkedHashMap<>();
    agents.forEach(agent -> agent.card().skills().forEach(skill -> skills.putIfAbsent(skill.id(), skill)));
    String ids = agents.stream().map(Agent::id).collect(Collectors.joining(", "));
    AgentCard first = agents.get(0).card();
    return new AgentCard(first.id(), first.name(), "Agents " + ids, first.version(), AgentRole.WORKER, List.copyOf(skills.values()), null);
  }
}
