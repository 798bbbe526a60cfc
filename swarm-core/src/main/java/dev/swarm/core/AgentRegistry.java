package dev.swarm.core;

import dev.swarm.api.Agent;
import dev.swarm.api.AgentRole;
import dev.swarm.api.AgentSkill;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * The agents of a swarm, local and remote alike, found by id, role or skill. Dispatch picks the
 * least-loaded agent with the skill a task needs.
 *
 * <p>Thread-safe; agents may join and leave while tasks are dispatched. Lookups by skill read an
 * index rebuilt when agents join or leave, so dispatch never scans cards.
 */
public final class AgentRegistry {
  /** Fullest last: by share of capacity in use, then by absolute load. */
  private static final Comparator<Load> LEAST_LOADED =
      Comparator.comparingDouble(Load::share).thenComparingInt(Load::running);

  private final ConcurrentMap<String, Agent> agents = new ConcurrentHashMap<>();
  private volatile Index index = Index.of(List.of());

  /** An empty registry. */
  public AgentRegistry() {}

  /**
   * Adds {@code agent} under its id.
   *
   * @throws IllegalArgumentException if another agent already has that id
   */
  public void register(Agent agent) {
    Objects.requireNonNull(agent, "agent must not be null");
    synchronized (agents) {
      Agent previous = agents.putIfAbsent(agent.id(), agent);
      if (previous != null && previous != agent) {
        throw new IllegalArgumentException("agent id '" + agent.id() + "' is already registered; give each agent a unique id");
      }
      index = Index.of(agents.values());
    }
  }

  /** Removes the agent with {@code id}; returns whether there was one. */
  public boolean unregister(String id) {
    Objects.requireNonNull(id, "id must not be null");
    synchronized (agents) {
      boolean removed = agents.remove(id) != null;
      index = Index.of(agents.values());
      return removed;
    }
  }

  /** The agent with {@code id}, if registered. */
  public Optional<Agent> find(String id) {
    return Optional.ofNullable(agents.get(Objects.requireNonNull(id, "id must not be null")));
  }

  /** Every registered agent, in no particular order. */
  public List<Agent> all() {
    return List.copyOf(agents.values());
  }

  /** The agents playing {@code role}. */
  public List<Agent> withRole(AgentRole role) {
    Objects.requireNonNull(role, "role must not be null");
    return agents.values().stream().filter(a -> a.card().role() == role).toList();
  }

  /** The agents advertising {@code skillId}. */
  public List<Agent> withSkill(String skillId) {
    return index.bySkill.getOrDefault(Objects.requireNonNull(skillId, "skillId must not be null"), List.of());
  }

  /**
   * The agents able to take a task needing {@code skillId}, least loaded first. A task without a
   * skill goes to workers and aggregators: orchestrators and planners only take what names them.
   */
  public List<Agent> capable(@Nullable String skillId) {
    return index.capable(skillId).stream().map(Load::of).sorted(LEAST_LOADED).map(Load::agent).toList();
  }

  /** The least-loaded agent able to take a task needing {@code skillId}, if any. */
  public Optional<Agent> leastLoaded(@Nullable String skillId) {
    // One pass without sorting or allocation: this runs once per dispatched subtask.
    Agent best = null;
    double bestShare = Double.MAX_VALUE;
    int bestRunning = Integer.MAX_VALUE;
    for (Agent agent : index.capable(skillId)) {
      int running = agent.currentLoad();
      double share = (double) running / Math.max(1, agent.maxLoad());
      if (share < bestShare || (share == bestShare && running < bestRunning)) {
        best = agent;
        bestShare = share;
        bestRunning = running;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Agents by skill, and the generalists that take tasks naming no skill. */
  private record Index(Map<String, List<Agent>> bySkill, List<Agent> generalists) {
    static Index of(Iterable<Agent> agents) {
      Map<String, List<Agent>> bySkill = new HashMap<>();
      List<Agent> generalists = new ArrayList<>();
      for (Agent agent : agents) {
        for (AgentSkill skill : agent.card().skills()) {
          bySkill.computeIfAbsent(skill.id(), k -> new ArrayList<>()).add(agent);
        }
        AgentRole role = agent.card().role();
        if (role == AgentRole.WORKER || role == AgentRole.AGGREGATOR) {
          generalists.add(agent);
        }
      }
      Map<String, List<Agent>> frozen = new HashMap<>();
      bySkill.forEach((skill, list) -> frozen.put(skill, List.copyOf(list)));
      return new Index(Map.copyOf(frozen), List.copyOf(generalists));
    }

    List<Agent> capable(@Nullable String skillId) {
      return skillId == null ? generalists : bySkill.getOrDefault(skillId, List.of());
    }
  }

  /** An agent's load read once, so sorting sees stable values while tasks come and go. */
  private record Load(Agent agent, double share, int running) {
    static Load of(Agent agent) {
      int running = agent.currentLoad();
      return new Load(agent, (double) running / Math.max(1, agent.maxLoad()), running);
    }
  }
}
