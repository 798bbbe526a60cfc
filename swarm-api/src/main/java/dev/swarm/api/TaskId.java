package dev.swarm.api;

import java.util.UUID;

/**
 * The identity of one task, unique within a swarm. Remote agents see the same value as the A2A
 * task id.
 *
 * @param value the id text, not blank and at most {@value #MAX_LENGTH} characters
 */
public record TaskId(String value) {
  /** The longest id accepted, so ids stay cheap to log, index and put on the wire. */
  public static final int MAX_LENGTH = 256;

  /** Validates the id. */
  public TaskId {
    Checks.notBlank(value, "taskId");
    if (value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "taskId must be at most " + MAX_LENGTH + " characters but was " + value.length());
    }
  }

  /** Wraps an existing id. */
  public static TaskId of(String value) {
    return new TaskId(value);
  }

  /** A fresh random id. */
  public static TaskId random() {
    return new TaskId(UUID.randomUUID().toString());
  }

  @Override
  public String toString() {
    return value;
  }
}
