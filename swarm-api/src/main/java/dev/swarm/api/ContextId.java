package dev.swarm.api;

import java.util.UUID;

/**
 * The conversation or job a task belongs to. Subtasks share their parent's context, and shared
 * memory is namespaced by it, so every agent working on one job sees the same context.
 *
 * @param value the id text, not blank and at most {@value TaskId#MAX_LENGTH} characters
 */
public record ContextId(String value) {
  /** Validates the id. */
  public ContextId {
    Checks.notBlank(value, "contextId");
    if (value.length() > TaskId.MAX_LENGTH) {
      throw new IllegalArgumentException(
          "contextId must be at most " + TaskId.MAX_LENGTH + " characters but was " + value.length());
    }
  }

  /** Wraps an existing id. */
  public static ContextId of(String value) {
    return new ContextId(value);
  }

  /** A fresh random id. */
  public static ContextId random() {
    return new ContextId(UUID.randomUUID().toString());
  }

  @Override
  public String toString() {
    return value;
  }
}
