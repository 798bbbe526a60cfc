package dev.swarm.api;

/**
 * Where a task is in its life, aligned one to one with the A2A 1.0 task states so a task keeps its
 * state when it crosses a process boundary.
 */
public enum TaskStatus {
  /** Accepted, not yet started. */
  SUBMITTED,
  /** An agent is working on it. */
  WORKING,
  /** Paused until the caller supplies more input. */
  INPUT_REQUIRED,
  /** Paused until the caller authenticates. */
  AUTH_REQUIRED,
  /** Finished with an answer. */
  COMPLETED,
  /** Finished without an answer. */
  FAILED,
  /** Stopped at the caller's request. */
  CANCELED,
  /** Refused by the agent before it started. */
  REJECTED;

  /** Whether the task can never change state again. */
  public boolean isTerminal() {
    return this == COMPLETED || this == FAILED || this == CANCELED || this == REJECTED;
  }

  /** Whether the task waits for the caller; it may resume, but streams close here. */
  public boolean isInterrupted() {
    return this == INPUT_REQUIRED || this == AUTH_REQUIRED;
  }

  /** Whether a stream of updates for the task ends at this state. */
  public boolean endsStream() {
    return isTerminal() || isInterrupted();
  }
}
