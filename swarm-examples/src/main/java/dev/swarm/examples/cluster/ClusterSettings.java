package dev.swarm.examples.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link LocalCluster} runs: how many worker JVMs, the workload, and whether to kill a worker
 * mid-run to show re-dispatch.
 *
 * @param workers how many worker processes to start
 * @param tasks how many workload tasks the orchestrator runs
 * @param killOneAfter kill one worker (SIGKILL) once this many tasks ended; 0 never kills
 * @param timeScale how fast the workers' demo models answer relative to real ones
 * @param workerConcurrency how many tasks each worker process runs at once; the rest queue there,
 *     so a killed worker takes queued work with it
 * @param heartbeat how often workers beat; a killed worker is evicted after a few missed beats
 * @param timeout the longest the whole run may take before every child is stopped
 * @param logDir where each child's log goes ({@code orchestrator.log}, {@code worker-1.log}, …)
 */
public record ClusterSettings(
    int workers,
    int tasks,
    int killOneAfter,
    double timeScale,
    int workerConcurrency,
    Duration heartbeat,
    Duration timeout,
    Path logDir) {

  /** Validates; every message names the setting and echoes the value. */
  public ClusterSettings {
    Settings.atLeastOne(workers, "workers");
    Settings.atLeastOne(tasks, "tasks");
    if (killOneAfter < 0 || killOneAfter >= tasks) {
      throw new IllegalArgumentException("kill-one-after must be in [0, tasks) = [0, " + tasks + ") but was "
          + killOneAfter);
    }
    if (killOneAfter > 0 && workers < 2) {
      throw new IllegalArgumentException("kill-one-after needs at least 2 workers, so the killed worker's tasks have "
          + "somewhere to go, but workers was " + workers);
    }
    Settings.timeScale(timeScale);
    Settings.atLeastOne(workerConcurrency, "worker-concurrency");
    Settings.positive(heartbeat, "heartbeat");
    Settings.positive(timeout, "timeout");
    Objects.requireNonNull(logDir, "logDir must not be null");
  }

  /** These settings with the children's logs in {@code dir}. */
  public ClusterSettings withLogDir(Path dir) {
    return new ClusterSettings(workers, tasks, killOneAfter, timeScale, workerConcurrency, heartbeat, timeout, dir);
  }
}
