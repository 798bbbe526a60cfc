package dev.swarm.examples.cluster;

import dev.swarm.api.Agent;
import dev.swarm.api.AgentCard;
import dev.swarm.api.AgentRole;
import dev.swarm.api.SwarmException;
import dev.swarm.api.Task;
import dev.swarm.api.TaskHandle;
import dev.swarm.api.TaskUpdateListener;
import dev.swarm.core.AgentRegistry;
import dev.swarm.examples.hybrid.HybridWorker;
import java.util.List;

/**
 * The one agent a worker process exposes over A2A (the server takes one agent): it hands each task
 * to the least-loaded hybrid worker of the process, which runs it or queues it. Its load is theirs
 * combined, so the orchestrator's least-loaded pick sees the whole process.
 *
 * <p>{@link #submit} is called on a Netty event loop and only picks and enqueues; it never blocks.
 */
final class LocalWorkers implements Agent {
  private final AgentCard card;
  private final AgentRegistry registry;

  LocalWorkers(String id, AgentRegistry registry) {
    this.card = AgentCard.of(id, AgentRole.WORKER, HybridWorker.SKILL);
    this.registry = registry;
  }

  @Override
  public AgentCard card() {
    return card;
  }

  @Override
  public TaskHandle submit(Task task, TaskUpdateListener listener) {
    Agent worker = registry.leastLoaded(HybridWorker.SKILL).orElseThrow(() -> new SwarmException.Retriable(
        "worker process " + card.id() + " has no hybrid worker running; it is starting or stopping"));
    return worker.submit(task, listener);
  }

  @Override
  public int currentLoad() {
    return workers().stream().mapToInt(Agent::currentLoad).sum();
  }

  @Override
  public int maxLoad() {
    return Math.max(1, workers().stream().mapToInt(Agent::maxLoad).sum());
  }

  private List<Agent> workers() {
    return registry.withSkill(HybridWorker.SKILL);
  }
}
