package dev.swarm.api;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How a task ended. An agent's business failure is a result with status {@link
 * TaskStatus#FAILED}, not an exception.
 *
 * @param taskId the task this answers
 * @param status a terminal or interrupted status
 * @param output the answer; empty when there is none
 * @param error why the task did not complete, or null when it did
 * @param latency wall time from start to end
 * @param costUsd model spend the task caused, in US dollars
 * @param metadata free-form attributes, copied and immutable
 */
public record TaskResult(
    TaskId taskId,
    TaskStatus status,
    String output,
    @Nullable String error,
    Duration latency,
    double costUsd,
    Map<String, String> metadata) {

  /**
   * Metadata key, value {@code "true"}, on a FAILED result whose cause may pass on another try (a
   * timeout, a rate limit, a peer that died mid-task). Dispatchers then try another capable agent;
   * local and remote agents set the same key, so re-dispatch works across process boundaries.
   */
  public static final String RETRIABLE = "swarm.retriable";

  /** Validates and copies. */
  public TaskResult {
    Checks.notNull(taskId, "taskId");
    Checks.notNull(status, "status");
    if (!status.endsStream()) {
      throw new IllegalArgumentException(
          "status must be terminal or interrupted but was " + status);
    }
    Checks.notNull(output, "output");
    if (status == TaskStatus.COMPLETED && error != null) {
      throw new IllegalArgumentException("error must be null when status is COMPLETED but was " + error);
    }
    Checks.notNull(latency, "latency");
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative but was " + latency);
    }
    Checks.notNegative(costUsd, "costUsd");
    metadata = Map.copyOf(Checks.notNull(metadata, "metadata"));
  }

  /** A completed result with no latency or cost recorded yet. */
  public static TaskResult completed(TaskId taskId, String output) {
    return new TaskResult(taskId, TaskStatus.COMPLETED, output, null, Duration.ZERO, 0, Map.of());
  }

  /** A failed result with the reason. */
  public static TaskResult failed(TaskId taskId, String error) {
    return new TaskResult(taskId, TaskStatus.FAILED, "", Checks.notBlank(error, "error"), Duration.ZERO, 0, Map.of());
  }

  /** A canceled result. */
  public static TaskResult canceled(TaskId taskId) {
    return new TaskResult(taskId, TaskStatus.CANCELED, "", "canceled", Duration.ZERO, 0, Map.of());
  }

  /** Whether the task failed in a way another try, perhaps on another agent, may fix. */
  public boolean isRetriable() {
    return status == TaskStatus.FAILED && "true".equals(metadata.get(RETRIABLE));
  }

  /** Whether the task completed with an answer. */
  public boolean isCompleted() {
    return status == TaskStatus.COMPLETED;
  }

  /** A copy with the given latency and cost, as the runtime records them. */
  public TaskResult withAccounting(Duration newLatency, double newCostUsd) {
    return new TaskResult(taskId, status, output, error, newLatency, newCostUsd, metadata);
  }
}
