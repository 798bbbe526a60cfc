package dev.swarm.api;

import java.time.Instant;

/**
 * One streamed step of a running task, in the order the agent produced it. The two kinds mirror
 * A2A's status-update and artifact-update events, so a remote stream maps one to one.
 */
public sealed interface TaskUpdate {
  /** The task this update belongs to. */
  TaskId taskId();

  /** When the update happened. */
  Instant at();

  /**
   * The task moved to a new status.
   *
   * @param taskId the task
   * @param status its new status
   * @param message a short human-readable note, possibly empty
   * @param at when
   */
  record StatusChanged(TaskId taskId, TaskStatus status, String message, Instant at)
      implements TaskUpdate {
    /** Validates. */
    public StatusChanged {
      Checks.notNull(taskId, "taskId");
      Checks.notNull(status, "status");
      Checks.notNull(message, "message");
      Checks.notNull(at, "at");
    }
  }

  /**
   * The task produced output, possibly in chunks.
   *
   * @param taskId the task
   * @param name the artifact's name, stable across its chunks
   * @param text this chunk of its content
   * @param append whether this chunk continues the previous chunk of the same artifact
   * @param lastChunk whether the artifact is complete after this chunk
   * @param at when
   */
  record ArtifactProduced(
      TaskId taskId, String name, String text, boolean append, boolean lastChunk, Instant at)
      implements TaskUpdate {
    /** Validates. */
    public ArtifactProduced {
      Checks.notNull(taskId, "taskId");
      Checks.notBlank(name, "name");
      Checks.notNull(text, "text");
      Checks.notNull(at, "at");
    }
  }
}
