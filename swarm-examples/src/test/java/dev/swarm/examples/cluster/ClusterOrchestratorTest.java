package dev.swarm.examples.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarm.api.SwarmConfig;
import dev.swarm.api.TaskStatus;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The orchestrator with two workers in this JVM: joining over HTTP, dispatch over A2A, the report. */
class ClusterOrchestratorTest {
  @Test
  void run_twoWorkersJoin_everyTaskCompletesOnceAcrossBothAndTheReportSaysSo() throws Exception {
    CompletableFuture<Integer> listening = new CompletableFuture<>();
    List<String> joined = new CopyOnWriteArrayList<>();
    List<Integer> done = new CopyOnWriteArrayList<>();
    Progress heard = new Progress() {
      @Override
      public void listening(int port) {
        listening.complete(port);
      }

      @Override
      public void joined(String worker, URI cardUrl) {
        joined.add(worker);
      }

      @Override
      public void done(int doneSoFar, int total, ClusterReport.TaskLine task) {
        done.add(doneSoFar);
      }
    };
    OrchestratorSettings settings = new OrchestratorSettings("127.0.0.1", 0, "cluster-secret", 12, 2,
        Duration.ofMillis(500), Duration.ofSeconds(60), Duration.ofSeconds(60));
    CompletableFuture<ClusterReport> report = CompletableFuture.supplyAsync(() -> {
      try {
        return ClusterOrchestrator.run(settings, SwarmConfig.defaults(), heard);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }, Thread.ofPlatform().name("orchestrator-under-test")::start);
    URI join = URI.create("http://127.0.0.1:" + listening.get(60, TimeUnit.SECONDS));

    try (ClusterWorker first = joined(join, "worker-a"); ClusterWorker second = joined(join, "worker-b")) {
      ClusterReport finished = report.get(90, TimeUnit.SECONDS);

      assertThat(finished.accountedOnce()).as(finished.toText()).isTrue();
      assertThat(finished.lines()).hasSize(12).allSatisfy(line -> {
        assertThat(line.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(line.worker()).isIn("worker-a", "worker-b");
        assertThat(line.family()).isNotEqualTo("unknown");
      });
      assertThat(finished.perWorker()).containsOnlyKeys("worker-a", "worker-b");
      assertThat(finished.redispatched()).isZero();
      assertThat(joined).containsExactlyInAnyOrder("worker-a", "worker-b");
      assertThat(done).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    }
  }

  private static ClusterWorker joined(URI join, String id) {
    ClusterWorker worker = ClusterWorker.start(new WorkerSettings(join, id, "127.0.0.1", "127.0.0.1", 0,
        "cluster-secret", 1, 8, 0, 0, Duration.ofMillis(500), Duration.ofSeconds(30)), SwarmConfig.defaults());
    worker.join();
    return worker;
  }
}
