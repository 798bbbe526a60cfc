package dev.swarm.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A unit of work for an agent: the input text plus what the runtime needs to route, schedule and
 * trace it.
 *
 * <p>Build one with {@link #of(String)} for the common case or {@link #builder(String)} when you
 * set the optional parts:
 *
 * <pre>{@code
 * Task task = Task.builder("Summarise the Q3 report")
 *     .skill("summarise")
 *     .priority(Priority.HIGH)
 *     .deadline(clock.instant().plusSeconds(30))
 *     .build();
 * }</pre>
 *
 * @param id unique id
 * @param contextId the job this task belongs to; subtasks share it
 * @param input what to do, in natural language or structured text; not blank
 * @param skill the skill an agent needs to take this task, or null for any agent
 * @param priority scheduling priority
 * @param deadline when the task must be finished, or null for the agent's default timeout
 * @param correlationId carried in every log line and remote call the task causes
 * @param parentId the task this one was split from, or null for a top-level task
 * @param metadata free-form string attributes, copied and immutable
 */
public record Task(
    TaskId id,
    ContextId contextId,
    String input,
    @Nullable String skill,
    Priority priority,
    @Nullable Instant deadline,
    String correlationId,
    @Nullable TaskId parentId,
    Map<String, String> metadata) {

  /** The largest input accepted, so a runaway producer cannot exhaust memory downstream. */
  public static final int MAX_INPUT_LENGTH = 1 << 20;

  /** Validates and copies. */
  public Task {
    Checks.notNull(id, "id");
    Checks.notNull(contextId, "contextId");
    Checks.notBlank(input, "input");
    if (input.length() > MAX_INPUT_LENGTH) {
      throw new IllegalArgumentException(
          "input must be at most " + MAX_INPUT_LENGTH + " characters but was " + input.length());
    }
    if (skill != null) {
      Checks.notBlank(skill, "skill");
    }
    Checks.notNull(priority, "priority");
    Checks.notBlank(correlationId, "correlationId");
    metadata = Map.copyOf(Checks.notNull(metadata, "metadata"));
  }

  /** A top-level task with fresh ids and defaults for everything optional. */
  public static Task of(String input) {
    return builder(input).build();
  }

  /** A builder for a top-level task with fresh ids. */
  public static Builder builder(String input) {
    return new Builder(input);
  }

  /**
   * A builder for a subtask of this task: same context, correlation id and priority, this task as
   * parent, and a fresh id.
   */
  public Builder subtask(String input) {
    return new Builder(input)
        .contextId(contextId)
        .correlationId(correlationId)
        .priority(priority)
        .deadline(deadline)
        .parentId(id);
  }

  /** A copy with another deadline. */
  public Task withDeadline(@Nullable Instant newDeadline) {
    return new Task(id, contextId, input, skill, priority, newDeadline, correlationId, parentId, metadata);
  }

  /** Builds a {@link Task}; every setter is optional except the input given up front. */
  public static final class Builder {
    private final String input;
    private @Nullable TaskId id;
    private @Nullable ContextId contextId;
    private @Nullable String skill;
    private Priority priority = Priority.NORMAL;
    private @Nullable Instant deadline;
    private @Nullable String correlationId;
    private @Nullable TaskId parentId;
    private final Map<String, String> metadata = new LinkedHashMap<>();

    private Builder(String input) {
      this.input = input;
    }

    /** Sets the id (default: random). */
    public Builder id(TaskId id) {
      this.id = Objects.requireNonNull(id, "id must not be null");
      return this;
    }

    /** Sets the context (default: a fresh one). */
    public Builder contextId(ContextId contextId) {
      this.contextId = Objects.requireNonNull(contextId, "contextId must not be null");
      return this;
    }

    /** Sets the required skill (default: none). */
    public Builder skill(@Nullable String skill) {
      this.skill = skill;
      return this;
    }

    /** Sets the priority (default: {@link Priority#NORMAL}). */
    public Builder priority(Priority priority) {
      this.priority = Objects.requireNonNull(priority, "priority must not be null");
      return this;
    }

    /** Sets the deadline (default: the agent's timeout). */
    public Builder deadline(@Nullable Instant deadline) {
      this.deadline = deadline;
      return this;
    }

    /** Sets the correlation id (default: a fresh one). */
    public Builder correlationId(String correlationId) {
      this.correlationId = Objects.requireNonNull(correlationId, "correlationId must not be null");
      return this;
    }

    /** Sets the parent task (default: none). */
    public Builder parentId(@Nullable TaskId parentId) {
      this.parentId = parentId;
      return this;
    }

    /** Adds one metadata entry. */
    public Builder metadata(String key, String value) {
      metadata.put(
          Objects.requireNonNull(key, "metadata key must not be null"),
          Objects.requireNonNull(value, "metadata value must not be null"));
      return this;
    }

    /** Adds every entry of {@code entries}. */
    public Builder metadata(Map<String, String> entries) {
      entries.forEach(this::metadata);
      return this;
    }

    /** Builds the task, validating every field. */
    public Task build() {
      return new Task(
          id != null ? id : TaskId.random(),
          contextId != null ? contextId : ContextId.random(),
          input,
          skill,
          priority,
          deadline,
          correlationId != null ? correlationId : UUID.randomUUID().toString(),
          parentId,
          metadata);
    }
  }
}
