package dev.swarm.examples.cluster;

import java.io.PrintWriter;
import java.net.URI;
import java.util.Objects;

/**
 * Hears a multi-process run as it happens: the orchestrator listening, workers joining and
 * leaving, each task landing, a worker killed on purpose, and the final report. Every method does
 * nothing by default.
 *
 * <p>Called from the run's threads, possibly several at once; implementations are thread-safe.
 */
public interface Progress {
  /** The orchestrator's membership endpoint accepts workers on {@code port}. */
  default void listening(int port) {}

  /** Worker process {@code worker} joined and is taking tasks. */
  default void joined(String worker, URI cardUrl) {}

  /** Worker process {@code worker} left or was evicted; its running tasks go elsewhere. */
  default void left(String worker, String reason) {}

  /** A workload task ended; {@code done} of {@code total} have. */
  default void done(int done, int total, ClusterReport.TaskLine task) {}

  /** {@link LocalCluster} killed worker process {@code worker} after {@code done} tasks had ended. */
  default void killed(String worker, int done) {}

  /** The run ended with {@code report}. */
  default void report(ClusterReport report) {}

  /** Hears nothing. */
  static Progress none() {
    return new Progress() {};
  }

  /**
   * Prints each event as a line on {@code out}: for people, or with {@code json} as one JSON
   * object a line ({@code {"event":"done",…}}), which {@link LocalCluster} reads back. The first
   * line is {@code LISTENING <port>} either way.
   */
  static Progress printing(PrintWriter out, boolean json) {
    return new PrintedProgress(Objects.requireNonNull(out, "out must not be null"), json);
  }
}
