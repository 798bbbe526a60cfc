package dev.swarm.api;

import java.util.concurrent.CompletableFuture;

/**
 * A task that an agent has accepted: its eventual result and a way to cancel it.
 *
 * <p>The result future always completes normally with a {@link TaskResult}, even when the task
 * fails or is canceled, so callers never need to unwrap exceptions for business outcomes.
 */
public interface TaskHandle {
  /** The id of the accepted task. */
  TaskId taskId();

  /** Completes with the task's result once it reaches a terminal or interrupted status. */
  CompletableFuture<TaskResult> result();

  /**
   * Asks the agent to stop the task. Idempotent; the result then completes as {@link
   * TaskStatus#CANCELED} unless the task had already finished. Cancellation reaches the task's
   * subtasks and interrupts their work.
   */
  void cancel();
}
