package dev.swarm.examples.cluster;

import dev.swarm.a2a.client.RemoteAgent;
import dev.swarm.a2a.discovery.Membership;
import dev.swarm.a2a.discovery.MembershipServer;
import dev.swarm.a2a.discovery.Peer;
import dev.swarm.api.Agent;
import dev.swarm.api.SwarmConfig;
import dev.swarm.api.SwarmException;
import dev.swarm.api.TaskId;
import dev.swarm.api.TaskResult;
import dev.swarm.api.TaskStatus;
import dev.swarm.examples.hybrid.HybridSwarm;
import dev.swarm.examples.hybrid.Workload;
import dev.swarm.examples.models.ModelTiers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The orchestrator of the multi-process hybrid swarm: serves the membership endpoint workers join,
 * waits for the expected number, then runs the hybrid workload with every joined worker process
 * as a remote agent. A worker that dies mid-run is evicted and its tasks are re-dispatched to the
 * others; workers joining later take tasks too.
 *
 * <pre>{@code
 * ClusterReport report = ClusterOrchestrator.run(settings, SwarmConfig.fromEnv(),
 *     Progress.printing(new PrintWriter(System.out), false));
 * System.exit(report.accountedOnce() ? 0 : 1);
 * }</pre>
 */
public final class ClusterOrchestrator {
  /** Worker clients send at most this many tasks at once; the worker processes queue the rest. */
  private static final int MAX_IN_FLIGHT_PER_WORKER = 10_000;
  /*
   * Tolerant eviction: a worker's death already fails its tasks (connection refused) and they are
   * re-dispatched at once; eviction only stops new work going there. A busy machine delays beats,
   * and evicting a live worker would abandon its work, so wait five beats or three failed checks.
   */
  private static final int MISSED_BEATS = 5;
  private static final int FAILED_CHECKS = 3;

  private ClusterOrchestrator() {}

  /**
   * Runs the whole thing on the caller's thread and returns the report once every task ended.
   *
   * @throws SwarmException.Retriable if fewer than {@code expectWorkers} joined in time
   * @throws SwarmException.Permanent if the endpoint cannot be bound
   * @throws InterruptedException if interrupted while waiting for workers
   */
  public static ClusterReport run(OrchestratorSettings settings, SwarmConfig config, Progress progress)
      throws InterruptedException {
    Objects.requireNonNull(settings, "settings must not be null");
    Objects.requireNonNull(config, "config must not be null");
    Objects.requireNonNull(progress, "progress must not be null");
    DispatchLedger ledger = new DispatchLedger();
    Clock clock = Clock.systemUTC();
    try (Membership membership = Membership.builder()
            .heartbeatInterval(settings.heartbeat())
            .missedBeats(MISSED_BEATS)
            .failedChecks(FAILED_CHECKS)
            .build();
        Roster roster = new Roster(membership, peer -> connect(peer, settings, ledger), progress);
        MembershipServer endpoint = endpoint(membership, settings)) {
      membership.start();
      int port = endpoint.start();
      progress.listening(port);
      List<Agent> workers = roster.awaitConnected(settings.expectWorkers(), settings.joinTimeout(),
          "swarm worker --join http://" + settings.host() + ":" + port);
      // The orchestrator never infers: its tiers only satisfy HybridSwarm; workers use their own.
      try (HybridSwarm swarm = HybridSwarm.start(ModelTiers.offline(1, 0), config, workers)) {
        roster.bind(swarm.swarm().registry());
        List<Workload.Item> items = Workload.take(settings.tasks());
        AtomicInteger done = new AtomicInteger();
        Instant started = clock.instant();
        HybridSwarm.Run run = swarm.run(items, result -> {
          synchronized (done) { // so the n-th report really is the n-th
            progress.done(done.incrementAndGet(), items.size(), line(result, "unknown", ledger));
          }
        });
        ClusterReport report = report(items, run.results(), ledger, Duration.between(started, clock.instant()));
        progress.report(report);
        return report;
      }
    }
  }

  private static MembershipServer endpoint(Membership membership, OrchestratorSettings settings) {
    MembershipServer.Builder endpoint = MembershipServer.builder(membership)
        .host(settings.host())
        .port(settings.port())
        .heartbeatInterval(settings.heartbeat());
    if (settings.token() != null) {
      endpoint.bearerToken(settings.token());
    }
    return endpoint.build();
  }

  private static ClusterPeer connect(Peer peer, OrchestratorSettings settings, DispatchLedger ledger) {
    RemoteAgent.Builder remote = RemoteAgent.builder()
        .cardUrl(peer.cardUrl())
        .id(peer.id())
        .timeout(settings.taskTimeout())
        .maxLoad(MAX_IN_FLIGHT_PER_WORKER);
    if (settings.token() != null) {
      remote.bearerToken(settings.token());
    }
    return new ClusterPeer(remote.build(), ledger);
  }

  static ClusterReport report(List<Workload.Item> items, List<TaskResult> results, DispatchLedger ledger,
      Duration elapsed) {
    List<ClusterReport.TaskLine> lines = new ArrayList<>();
    int completed = 0;
    int redispatched = 0;
    for (int i = 0; i < results.size(); i++) {
      ClusterReport.TaskLine line = line(results.get(i), items.get(i).family(), ledger);
      lines.add(line);
      completed += line.status() == TaskStatus.COMPLETED ? 1 : 0;
      redispatched += line.redispatched() ? 1 : 0;
    }
    return new ClusterReport(items.size(), completed, results.size() - completed, redispatched,
        ledger.duplicateCompletions(), ledger.completionsPerPeer(), lines, elapsed.toMillis());
  }

  private static ClusterReport.TaskLine line(TaskResult result, String family, DispatchLedger ledger) {
    TaskId id = result.taskId();
    return new ClusterReport.TaskLine(id.value(), ledger.family(id).orElse(family), result.status(),
        ledger.completedBy(id).orElse("none"), ledger.attempts(id), ledger.redispatched(id));
  }
}
