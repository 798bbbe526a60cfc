package dev.swarm.examples.cli;

import dev.swarm.api.SwarmException;
import dev.swarm.examples.cluster.ClusterReport;
import dev.swarm.examples.cluster.ClusterSettings;
import dev.swarm.examples.cluster.LocalCluster;
import dev.swarm.examples.cluster.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code swarm cluster}: an orchestrator and its workers as child JVMs on this machine. */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    description = {
      "Starts `swarm orchestrator` and --workers `swarm worker` JVMs on 127.0.0.1, wires them by the",
      "ports they print, streams the run, and stops every child at the end (also on Ctrl-C).",
      "--kill-one-after M kills a worker once M tasks ended: its tasks are re-dispatched and the report",
      "still lists every task exactly once. Exits 0 only if every task completed exactly once."
    })
final class ClusterCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--workers", paramLabel = "K", defaultValue = "3",
      description = "Worker JVMs to start (default: ${DEFAULT-VALUE}).")
  private int workers;

  @Option(names = "--tasks", paramLabel = "N", defaultValue = "40",
      description = "Workload tasks to run (default: ${DEFAULT-VALUE}).")
  private int tasks;

  @Option(names = "--kill-one-after", paramLabel = "M", defaultValue = "0",
      description = "Kill one worker (SIGKILL) once M tasks ended; 0 never (default: ${DEFAULT-VALUE}).")
  private int killOneAfter;

  @Option(names = "--time-scale", paramLabel = "S", defaultValue = "0.5",
      description = "How fast the demo models answer relative to real ones (default: ${DEFAULT-VALUE}).")
  private double timeScale;

  @Option(names = "--worker-concurrency", paramLabel = "C", defaultValue = "2",
      description = "Tasks each worker JVM runs at once; the rest queue there (default: ${DEFAULT-VALUE}).")
  private int workerConcurrency;

  @Option(names = "--heartbeat-ms", paramLabel = "MS", defaultValue = "1000",
      description = "Heartbeat interval of the cluster (default: ${DEFAULT-VALUE}).")
  private long heartbeatMillis;

  @Option(names = "--timeout-s", paramLabel = "SEC", defaultValue = "600",
      description = "Stop every child if the run takes longer (default: ${DEFAULT-VALUE}).")
  private long timeoutSeconds;

  @Option(names = "--log-dir", paramLabel = "DIR",
      description = "Where the children's logs go (default: a new temporary directory).")
  private @Nullable Path logDir;

  @Option(names = "--json", description = "Print progress and the report as JSON Lines instead of text.")
  private boolean json;

  @Override
  public Integer call() throws InterruptedException, IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ClusterSettings settings;
    try {
      settings = new ClusterSettings(workers, tasks, killOneAfter, timeScale, workerConcurrency,
          Duration.ofMillis(heartbeatMillis), Duration.ofSeconds(timeoutSeconds),
          logDir != null ? logDir : Path.of("swarm-cluster-logs"));
    } catch (IllegalArgumentException e) {
      err.println("cluster: " + e.getMessage());
      err.flush();
      return JsonLines.BAD_INPUT;
    }
    if (logDir == null) {
      settings = settings.withLogDir(Files.createTempDirectory("swarm-cluster-"));
    }
    if (!json) {
      out.println("cluster: logs in " + settings.logDir());
      out.flush();
    }
    try {
      ClusterReport report = LocalCluster.run(settings, Progress.printing(out, json));
      return report.accountedOnce() ? 0 : 1;
    } catch (SwarmException e) {
      err.println("cluster: " + e.getMessage());
      err.flush();
      return 1;
    }
  }
}
