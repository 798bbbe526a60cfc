package dev.swarm.examples.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarm.a2a.client.RemoteAgent;
import dev.swarm.api.SwarmConfig;
import dev.swarm.api.Task;
import dev.swarm.api.TaskResult;
import dev.swarm.api.TaskStatus;
import dev.swarm.core.Swarm;
import dev.swarm.examples.hybrid.HybridWorker;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Worker processes (in this JVM) reached over real A2A: the retriable bridge core needs for re-dispatch. */
class ClusterPeerTest {
  private final DispatchLedger ledger = new DispatchLedger();
  private ClusterWorker alive;
  private ClusterWorker dead;
  private ClusterPeer alivePeer;
  private ClusterPeer deadPeer;

  @AfterEach
  void close() {
    for (AutoCloseable c : new AutoCloseable[] {alivePeer, deadPeer, alive, dead}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        throw new AssertionError("closing " + c, e);
      }
    }
  }

  private static ClusterWorker worker(String id) {
    return ClusterWorker.start(new WorkerSettings(URI.create("http://127.0.0.1:9"), id, "127.0.0.1", "127.0.0.1", 0,
        null, 1, 4, 0.05, 0, Duration.ofSeconds(1), Duration.ofSeconds(1)), SwarmConfig.defaults());
  }

  private ClusterPeer peer(ClusterWorker worker) {
    return new ClusterPeer(RemoteAgent.builder().baseUrl(URI.create("http://127.0.0.1:" + worker.port()))
        .id(worker.id()).retryBackoff(Duration.ofMillis(10)).build(), ledger);
  }

  @Test
  void submit_workerDiedAfterJoining_failsRetriableNamingTheWorker() throws Exception {
    dead = worker("worker-dead");
    deadPeer = peer(dead);
    dead.close();

    TaskResult result = deadPeer.submit(Task.builder("What is 2 + 2?").skill(HybridWorker.SKILL).build())
        .result().get(30, TimeUnit.SECONDS);

    assertThat(result.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(result.isRetriable()).isTrue();
    assertThat(result.metadata()).containsEntry(ClusterPeer.WORKER, "worker-dead");
  }

  @Test
  void dispatch_oneOfTwoWorkersDead_everyTaskCompletesOnTheLiveOneAndTheDeadOnesAreRedispatched() throws Exception {
    alive = worker("worker-alive");
    dead = worker("worker-dead");
    alivePeer = peer(alive);
    deadPeer = peer(dead);
    dead.close();
    List<Task> tasks = List.of("What is the capital of France?", "Reformat 2024-01-05 as 5 Jan 2024",
        "Classify: 'the parcel never arrived'", "What is 17 * 3?").stream()
        .map(prompt -> {
          Task parent = Task.of(prompt);
          return parent.subtask(prompt).skill(HybridWorker.SKILL).build();
        })
        .toList();

    try (Swarm swarm = Swarm.builder().agent(alivePeer).agent(deadPeer).build()) {
      List<TaskResult> results = tasks.stream().map(swarm::submit).toList().stream()
          .map(handle -> handle.result().orTimeout(30, TimeUnit.SECONDS).join())
          .toList();

      assertThat(results).allSatisfy(r -> {
        assertThat(r.status()).as(r.error()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(r.metadata()).containsEntry(ClusterPeer.WORKER, "worker-alive");
      });
    }
    assertThat(ledger.completionsPerPeer()).containsOnlyKeys("worker-alive").containsValue(4);
    assertThat(tasks).anySatisfy(t -> assertThat(ledger.attempts(t.parentId()))
        .containsExactly("worker-dead:FAILED", "worker-alive:COMPLETED"));
    assertThat(ledger.duplicateCompletions()).isZero();
  }
}
