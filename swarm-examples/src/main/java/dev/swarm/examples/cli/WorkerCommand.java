package dev.swarm.examples.cli;

import dev.swarm.api.SwarmConfig;
import dev.swarm.api.SwarmException;
import dev.swarm.examples.cluster.ClusterWorker;
import dev.swarm.examples.cluster.WorkerSettings;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code swarm worker}: hybrid workers in this process, served over A2A to an orchestrator they join. */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description = {
      "Runs hybrid-swarm workers in this JVM, serves them over A2A and joins the orchestrator at --join,",
      "heartbeating until stopped (Ctrl-C or SIGTERM leaves the orchestrator cleanly). Prints",
      "`LISTENING <port>` once its A2A server accepts connections, then `JOINED <url>`.",
      "Models: offline demo models unless the environment configures real ones (see the README)."
    })
final class WorkerCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--join", required = true, paramLabel = "URL",
      description = "The orchestrator's address, as it printed it, e.g. http://127.0.0.1:7070.")
  private String join = "";

  @Option(names = "--id", paramLabel = "ID", description = "This worker's unique id (default: worker-<pid>).")
  private @Nullable String id;

  @Option(names = "--host", paramLabel = "H", defaultValue = "127.0.0.1",
      description = "The address the A2A server binds (default: ${DEFAULT-VALUE}).")
  private String host = "127.0.0.1";

  @Option(names = "--advertise-host", paramLabel = "H",
      description = "The address the orchestrator reaches this worker at (default: --host).")
  private @Nullable String advertiseHost;

  @Option(names = "--port", paramLabel = "P", defaultValue = "0",
      description = "The A2A port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  private int port;

  @Option(names = "--token", paramLabel = "T",
      description = "Shared cluster secret: required on A2A calls to this worker and sent when joining.")
  private @Nullable String token;

  @Option(names = "--workers", paramLabel = "N", defaultValue = "2",
      description = "Hybrid workers in this process (default: ${DEFAULT-VALUE}).")
  private int workers;

  @Option(names = "--concurrency", paramLabel = "C", defaultValue = "16",
      description = "Tasks each hybrid worker runs at once; more wait in its queue (default: ${DEFAULT-VALUE}).")
  private int concurrency;

  @Option(names = "--time-scale", paramLabel = "S", defaultValue = "1",
      description = "How fast the demo models answer relative to real ones; 0 answers at once (default: ${DEFAULT-VALUE}).")
  private double timeScale;

  @Option(names = "--small-failure-percent", paramLabel = "PCT", defaultValue = "10",
      description = "Share of prompts the demo small model fails, to show fallback (default: ${DEFAULT-VALUE}).")
  private int smallFailurePercent;

  @Option(names = "--heartbeat-ms", paramLabel = "MS", defaultValue = "2000",
      description = "Heartbeat interval; match the orchestrator's (default: ${DEFAULT-VALUE}).")
  private long heartbeatMillis;

  @Option(names = "--join-timeout-s", paramLabel = "SEC", defaultValue = "30",
      description = "How long to keep trying to join (default: ${DEFAULT-VALUE}).")
  private long joinTimeoutSeconds;

  @Option(names = "--exit-with-parent",
      description = "Stop when the parent process exits (used by `swarm cluster` so no worker outlives it).")
  private boolean exitWithParent;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    WorkerSettings settings;
    try {
      settings = new WorkerSettings(WorkerSettings.joinUrl(join),
          id != null ? id : "worker-" + ProcessHandle.current().pid(), host,
          advertiseHost != null ? advertiseHost : host, port, token, workers, concurrency, timeScale,
          smallFailurePercent, Duration.ofMillis(heartbeatMillis), Duration.ofSeconds(joinTimeoutSeconds));
    } catch (IllegalArgumentException e) {
      err.println("worker: " + e.getMessage());
      err.flush();
      return JsonLines.BAD_INPUT;
    }
    try (ClusterWorker worker = ClusterWorker.start(settings, SwarmConfig.fromEnv())) {
      out.println("LISTENING " + worker.port());
      out.flush();
      worker.join();
      out.println("JOINED " + settings.join() + " as " + worker.id());
      out.flush();
      Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("worker-stop").unstarted(worker::close));
      if (exitWithParent) {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(worker::close));
      }
      worker.closed().join();
      return 0;
    } catch (SwarmException e) {
      err.println("worker: " + e.getMessage());
      err.flush();
      return 1;
    }
  }
}
