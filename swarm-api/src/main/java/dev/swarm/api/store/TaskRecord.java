package dev.swarm.api.store;

import dev.swarm.api.Checks;
import dev.swarm.api.Task;
import dev.swarm.api.TaskResult;
import dev.swarm.api.TaskStatus;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A task as a store keeps it: the task, where it is, and its result once it has one.
 *
 * @param task the task
 * @param status its current status
 * @param result its result, present exactly when the status is terminal or interrupted
 * @param createdAt when it was first saved
 * @param updatedAt when it last changed; never before {@code createdAt}
 */
public record TaskRecord(
    Task task, TaskStatus status, @Nullable TaskResult result, Instant createdAt, Instant updatedAt) {
  /** Validates. */
  public TaskRecord {
    Checks.notNull(task, "task");
    Checks.notNull(status, "status");
    Checks.notNull(createdAt, "createdAt");
    Checks.notNull(updatedAt, "updatedAt");
    if (updatedAt.isBefore(createdAt)) {
      throw new IllegalArgumentException(
          "updatedAt must not be before createdAt but was " + updatedAt + " < " + createdAt);
    }
    if (status.endsStream() != (result != null)) {
      throw new IllegalArgumentException(
          "result must be present exactly when status is terminal or interrupted; status was "
              + status + " and result was " + (result == null ? "absent" : "present"));
    }
    if (result != null && result.status() != status) {
      throw new IllegalArgumentException(
          "result status must match status but was " + result.status() + " vs " + status);
    }
  }

  /** A freshly submitted task. */
  public static TaskRecord submitted(Task task, Instant now) {
    return new TaskRecord(task, TaskStatus.SUBMITTED, null, now, now);
  }

  /** This record moved to a non-final status at {@code now}. */
  public TaskRecord withStatus(TaskStatus newStatus, Instant now) {
    return new TaskRecord(task, newStatus, null, createdAt, now);
  }

  /** This record ended with {@code newResult} at {@code now}. */
  public TaskRecord withResult(TaskResult newResult, Instant now) {
    return new TaskRecord(task, newResult.status(), newResult, createdAt, now);
  }
}
