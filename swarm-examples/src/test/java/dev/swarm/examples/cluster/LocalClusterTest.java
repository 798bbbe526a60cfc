package dev.swarm.examples.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarm.api.TaskStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The multi-process swarm for real: an orchestrator and three workers as child JVMs on loopback. */
class LocalClusterTest {
  private static final String MAIN = "dev.swarm.examples.cli.SwarmCommand";

  @TempDir Path logs;

  @AfterEach
  void killEveryChildJvm() {
    swarmChildren().forEach(ProcessHandle::destroyForcibly);
  }

  @Test
  @Timeout(150)
  void run_workerKilledMidRun_everyTaskCompletesExactlyOnceWithItsWorkRedispatched() throws Exception {
    Heard heard = new Heard();
    // One task at a time per worker at half real speed: the killed worker still holds queued work.
    ClusterSettings settings = new ClusterSettings(3, 40, 3, 0.5, 1, Duration.ofSeconds(1), Duration.ofSeconds(120),
        logs);

    ClusterReport report;
    try {
      report = LocalCluster.run(settings, heard);
    } catch (RuntimeException e) {
      throw new AssertionError("cluster run failed; child logs:\n" + childLogs(), e);
    }

    assertThat(report.accountedOnce()).as("%s%nlogs:%n%s", report.toText(), childLogs()).isTrue();
    assertThat(report.tasks()).isEqualTo(40);
    assertThat(report.lines()).hasSize(40)
        .allSatisfy(line -> assertThat(line.status()).isEqualTo(TaskStatus.COMPLETED));
    assertThat(report.lines().stream().map(ClusterReport.TaskLine::id).distinct()).hasSize(40);
    assertThat(report.duplicateCompletions()).isZero();
    assertThat(heard.killed).containsExactly("worker-1");
    assertThat(report.redispatched()).as(report.toText()).isPositive();
    assertThat(report.lines()).filteredOn(ClusterReport.TaskLine::redispatched)
        .anySatisfy(line -> {
          assertThat(line.attempts()).contains("worker-1:FAILED");
          assertThat(line.worker()).isIn("worker-2", "worker-3");
        });
    assertThat(report.perWorker().keySet()).isSubsetOf("worker-1", "worker-2", "worker-3").contains("worker-2",
        "worker-3");
    assertThat(report.perWorker().values().stream().mapToInt(Integer::intValue).sum())
        .isGreaterThanOrEqualTo(40);
    assertThat(heard.joined).contains("worker-1", "worker-2", "worker-3");
    assertThat(heard.done).hasSize(40);
    assertThat(heard.reports).containsExactly(report);
    assertThat(swarmChildren()).as("every child JVM is stopped when the run ends").isEmpty();
  }

  private static List<ProcessHandle> swarmChildren() {
    return ProcessHandle.current().descendants()
        .filter(p -> p.info().commandLine().map(c -> c.contains(MAIN)).orElse(false))
        .filter(ProcessHandle::isAlive)
        .toList();
  }

  private String childLogs() {
    try (Stream<Path> files = Files.list(logs)) {
      return files.sorted().map(file -> {
        try {
          List<String> lines = Files.readAllLines(file);
          return "== " + file.getFileName() + "\n"
              + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).collect(Collectors.joining("\n"));
    } catch (IOException e) {
      return "(no logs: " + e + ")";
    }
  }

  /** Records what the run reported, from the thread that reads the orchestrator. */
  private static final class Heard implements Progress {
    final List<String> joined = new CopyOnWriteArrayList<>();
    final List<String> killed = new CopyOnWriteArrayList<>();
    final List<ClusterReport.TaskLine> done = new CopyOnWriteArrayList<>();
    final List<ClusterReport> reports = new CopyOnWriteArrayList<>();

    @Override
    public void joined(String worker, URI cardUrl) {
      joined.add(worker);
    }

    @Override
    public void killed(String worker, int doneSoFar) {
      killed.add(worker);
    }

    @Override
    public void done(int doneSoFar, int total, ClusterReport.TaskLine task) {
      done.add(task);
    }

    @Override
    public void report(ClusterReport report) {
      reports.add(report);
    }
  }
}
