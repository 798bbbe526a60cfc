package dev.swarm.examples.cluster;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link ClusterOrchestrator} runs: where workers join, how many it waits for, and the
 * workload it runs on them.
 *
 * @param host the address the membership endpoint binds
 * @param port the port it binds; 0 picks a free one
 * @param token the shared cluster secret: required to join, and sent on every A2A call to the
 *     workers; or null for none
 * @param tasks how many workload tasks to run
 * @param expectWorkers how many worker processes must join before the run starts
 * @param heartbeat how often workers beat and are health-checked; a worker silent for three beats,
 *     or failing two checks, is evicted
 * @param joinTimeout how long to wait for {@code expectWorkers} to join
 * @param taskTimeout how long one task may take on a worker, queueing included
 */
public record OrchestratorSettings(
    String host,
    int port,
    @Nullable String token,
    int tasks,
    int expectWorkers,
    Duration heartbeat,
    Duration joinTimeout,
    Duration taskTimeout) {

  /** Validates; every message names the setting and echoes the value. */
  public OrchestratorSettings {
    Settings.text(host, "host");
    Settings.port(port, "port");
    if (token != null) {
      Settings.text(token, "token");
    }
    Settings.atLeastOne(tasks, "tasks");
    Settings.atLeastOne(expectWorkers, "expect-workers");
    Settings.positive(heartbeat, "heartbeat");
    Settings.positive(joinTimeout, "join-timeout");
    Settings.positive(taskTimeout, "task-timeout");
  }
}
