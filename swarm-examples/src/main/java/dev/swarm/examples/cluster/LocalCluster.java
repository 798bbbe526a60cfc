package dev.swarm.examples.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarm.api.SwarmException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small cluster on this machine: the orchestrator and its workers as child JVMs on loopback,
 * wired by the ports they print. Optionally kills one worker mid-run, so the report shows its tasks
 * re-dispatched and every task still accounted for once. Every child is stopped when the run ends,
 * when it times out, and on Ctrl-C.
 *
 * <pre>{@code
 * ClusterReport report = LocalCluster.run(settings, Progress.printing(out, false));
 * }</pre>
 */
public final class LocalCluster {
  private static final Logger LOG = LoggerFactory.getLogger(LocalCluster.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long STOP_GRACE_MILLIS = 5_000;

  private final ClusterSettings settings;
  private final Progress progress;
  private final List<ChildJvm> children = new ArrayList<>();
  private final List<ChildJvm> workers = new ArrayList<>();
  private @Nullable ClusterReport report;
  private int done;
  private boolean killed;

  private LocalCluster(ClusterSettings settings, Progress progress) {
    this.settings = settings;
    this.progress = progress;
  }

  /**
   * Runs the cluster on the caller's thread until the orchestrator reports, then stops every
   * child.
   *
   * @throws SwarmException.Permanent if the orchestrator ended without a report (its log says why)
   *     or the run took longer than {@code settings.timeout()}
   * @throws InterruptedException if interrupted; the children are stopped first
   */
  public static ClusterReport run(ClusterSettings settings, Progress progress) throws InterruptedException {
    Objects.requireNonNull(settings, "settings must not be null");
    Objects.requireNonNull(progress, "progress must not be null");
    try {
      Files.createDirectories(settings.logDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the log directory " + settings.logDir(), e);
    }
    return new LocalCluster(settings, progress).runAndStop();
  }

  private ClusterReport runAndStop() throws InterruptedException {
    Thread onCtrlC = Thread.ofPlatform().name("cluster-stop").unstarted(this::stopAll);
    Runtime.getRuntime().addShutdownHook(onCtrlC);
    CompletableFuture<Void> watchdog = new CompletableFuture<>();
    watchdog.completeOnTimeout(null, settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
        .thenRun(this::killAllForTimeout);
    try {
      ChildJvm orchestrator = start("orchestrator", List.of("orchestrator", "--host", "127.0.0.1", "--port", "0",
          "--tasks", Integer.toString(settings.tasks()), "--expect-workers", Integer.toString(settings.workers()),
          "--heartbeat-ms", Long.toString(settings.heartbeat().toMillis()), "--json"), true);
      try (BufferedReader lines = orchestrator.stdout()) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          handle(line);
        }
      } catch (IOException e) {
        LOG.debug("Orchestrator output ended: {}", e.toString());
      }
      int exit = orchestrator.awaitExit(STOP_GRACE_MILLIS);
      ClusterReport finished = report;
      if (finished == null) {
        throw new SwarmException.Permanent((watchdog.isDone() && !watchdog.isCancelled()
            ? "the cluster run took longer than " + settings.timeout().toSeconds() + " s and was stopped"
            : "the orchestrator exited with code " + exit + " without a report: " + lastLine(orchestrator))
            + "; see the logs in " + settings.logDir());
      }
      return finished;
    } finally {
      watchdog.cancel(false);
      stopAll();
      try {
        Runtime.getRuntime().removeShutdownHook(onCtrlC);
      } catch (IllegalStateException e) {
        // already shutting down: the hook is running or has run
      }
    }
  }

  /** The last line the child wrote to its log, usually its error message. */
  private static String lastLine(ChildJvm child) {
    try (Stream<String> lines = Files.lines(child.log())) {
      return lines.filter(l -> !l.isBlank()).reduce((first, second) -> second).orElse("(its log is empty)");
    } catch (IOException | UncheckedIOException e) {
      return "(its log " + child.log() + " is unreadable: " + e.getMessage() + ")";
    }
  }

  private void handle(String line) {
    if (line.startsWith(PrintedProgress.LISTENING)) {
      int port = Integer.parseInt(line.substring(PrintedProgress.LISTENING.length()).strip());
      progress.listening(port);
      startWorkers("http://127.0.0.1:" + port);
      return;
    }
    JsonNode event;
    try {
      event = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      LOG.warn("Orchestrator printed a line that is not an event ({}); ignoring it", line);
      return;
    }
    switch (event.path(PrintedProgress.EVENT).asText()) {
      case "joined" -> progress.joined(event.path("worker").asText(), URI.create(event.path("cardUrl").asText()));
      case "left" -> progress.left(event.path("worker").asText(), event.path("reason").asText());
      case "done" -> {
        done = event.path("done").asInt();
        progress.done(done, event.path("total").asInt(), JSON.convertValue(event.path("task"),
            ClusterReport.TaskLine.class));
        killOneIfDue();
      }
      case "report" -> {
        report = JSON.convertValue(event.path("report"), ClusterReport.class);
        progress.report(report);
      }
      default -> LOG.warn("Orchestrator printed an unknown event ({}); ignoring it", line);
    }
  }

  private void startWorkers(String join) {
    for (int i = 1; i <= settings.workers(); i++) {
      String id = "worker-" + i;
      workers.add(start(id, List.of("worker", "--join", join, "--id", id, "--host", "127.0.0.1", "--port", "0",
          "--workers", "1", "--concurrency", Integer.toString(settings.workerConcurrency()),
          "--time-scale", String.format(Locale.ROOT, "%s", settings.timeScale()),
          "--heartbeat-ms", Long.toString(settings.heartbeat().toMillis())), false));
    }
  }

  private void killOneIfDue() {
    if (killed || settings.killOneAfter() == 0 || done < settings.killOneAfter()) {
      return;
    }
    killed = true;
    ChildJvm victim = workers.getFirst();
    victim.kill();
    progress.killed(victim.name(), done);
  }

  private ChildJvm start(String name, List<String> args, boolean readStdout) {
    ChildJvm child = ChildJvm.start(name, args, settings.logDir(), readStdout);
    synchronized (children) {
      children.add(child);
    }
    return child;
  }

  private void killAllForTimeout() {
    LOG.warn("The cluster run passed its timeout of {} s; stopping every child. Raise --timeout for bigger runs",
        settings.timeout().toSeconds());
    List<ChildJvm> all;
    synchronized (children) {
      all = List.copyOf(children);
    }
    all.forEach(ChildJvm::kill);
  }

  private void stopAll() {
    List<ChildJvm> all;
    synchronized (children) {
      all = List.copyOf(children);
      children.clear();
    }
    for (ChildJvm child : all) {
      try {
        child.stop(STOP_GRACE_MILLIS);
      } catch (InterruptedException e) {
        child.kill();
        Thread.currentThread().interrupt();
      }
    }
  }
}
