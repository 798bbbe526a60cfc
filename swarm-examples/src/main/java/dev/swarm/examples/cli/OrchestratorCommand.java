package dev.swarm.examples.cli;

import dev.swarm.api.SwarmConfig;
import dev.swarm.api.SwarmException;
import dev.swarm.examples.cluster.ClusterOrchestrator;
import dev.swarm.examples.cluster.ClusterReport;
import dev.swarm.examples.cluster.OrchestratorSettings;
import dev.swarm.examples.cluster.Progress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code swarm orchestrator}: runs the hybrid workload on worker processes that join it. */
@Command(
    name = "orchestrator",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the endpoint workers join (`swarm worker --join http://H:P`), prints `LISTENING <port>`,",
      "waits for --expect-workers to join, then runs --tasks hybrid-workload tasks on them over A2A.",
      "A worker that dies mid-run is evicted and its tasks go to the others. Ends with a report",
      "listing every task once; exits 0 only if every task completed exactly once."
    })
final class OrchestratorCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--host", paramLabel = "H", defaultValue = "127.0.0.1",
      description = "The address to bind (default: ${DEFAULT-VALUE}).")
  private String host = "127.0.0.1";

  @Option(names = "--port", paramLabel = "P", defaultValue = "7070",
      description = "The port to bind; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  private int port;

  @Option(names = "--token", paramLabel = "T",
      description = "Shared cluster secret: required to join, and sent on every call to the workers.")
  private @Nullable String token;

  @Option(names = "--tasks", paramLabel = "N", defaultValue = "40",
      description = "Workload tasks to run (default: ${DEFAULT-VALUE}).")
  private int tasks;

  @Option(names = "--expect-workers", paramLabel = "K", defaultValue = "1",
      description = "Workers that must join before the run starts (default: ${DEFAULT-VALUE}).")
  private int expectWorkers;

  @Option(names = "--json", description = "Print progress and the report as JSON Lines instead of text.")
  private boolean json;

  @Option(names = "--heartbeat-ms", paramLabel = "MS", defaultValue = "2000",
      description = "Heartbeat and health-check interval; a worker silent for 3 beats is evicted "
          + "(default: ${DEFAULT-VALUE}).")
  private long heartbeatMillis;

  @Option(names = "--join-timeout-s", paramLabel = "SEC", defaultValue = "60",
      description = "How long to wait for the workers to join (default: ${DEFAULT-VALUE}).")
  private long joinTimeoutSeconds;

  @Option(names = "--task-timeout-s", paramLabel = "SEC", defaultValue = "600",
      description = "How long one task may take on a worker, queueing included (default: ${DEFAULT-VALUE}).")
  private long taskTimeoutSeconds;

  @Option(names = "--exit-with-parent",
      description = "Stop when the parent process exits (used by `swarm cluster`).")
  private boolean exitWithParent;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    OrchestratorSettings settings;
    try {
      settings = new OrchestratorSettings(host, port, token, tasks, expectWorkers, Duration.ofMillis(heartbeatMillis),
          Duration.ofSeconds(joinTimeoutSeconds), Duration.ofSeconds(taskTimeoutSeconds));
    } catch (IllegalArgumentException e) {
      err.println("orchestrator: " + e.getMessage());
      err.flush();
      return JsonLines.BAD_INPUT;
    }
    if (exitWithParent) {
      // Nothing to hand over: an orchestrator without its parent has no one to report to.
      ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(1)));
    }
    try {
      ClusterReport report = ClusterOrchestrator.run(settings, SwarmConfig.fromEnv(),
          Progress.printing(spec.commandLine().getOut(), json));
      if (!report.accountedOnce()) {
        err.println("orchestrator: not every task completed exactly once; see the report");
        err.flush();
        return 1;
      }
      return 0;
    } catch (SwarmException e) {
      err.println("orchestrator: " + e.getMessage());
      err.flush();
      return 1;
    }
  }
}
