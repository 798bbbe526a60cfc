package dev.swarm.api.event;

import dev.swarm.api.Checks;
import dev.swarm.api.TaskId;
import dev.swarm.api.eval.Verdict;
import dev.swarm.api.inference.Complexity;
import dev.swarm.api.inference.ModelTier;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened in a swarm. Metrics, the dashboard, logs and A2A streaming all subscribe
 * to the same closed set, so a switch over it is checked for completeness by the compiler.
 *
 * <p>Every event carries the correlation id of the task that caused it and when it happened.
 */
public sealed interface SwarmEvent {
  /** The correlation id of the task that caused the event. */
  String correlationId();

  /** When it happened. */
  Instant at();

  /** A task was accepted by an agent. */
  record Submitted(TaskId taskId, String agentId, String correlationId, Instant at) implements SwarmEvent {
    /** Validates. */
    public Submitted {
      Checks.notNull(taskId, "taskId");
      Checks.notBlank(agentId, "agentId");
      common(correlationId, at);
    }
  }

  /** A task was split into {@code subtasks} subtasks. */
  record Planned(TaskId taskId, int subtasks, String correlationId, Instant at) implements SwarmEvent {
    /** Validates. */
    public Planned {
      Checks.notNull(taskId, "taskId");
      Checks.notNegative(subtasks, "subtasks");
      common(correlationId, at);
    }
  }

  /** A model call was routed to {@code tier}; {@code complexity} is null when routing was forced. */
  record Routed(@Nullable Complexity complexity, ModelTier tier, String reason, String correlationId, Instant at)
      implements SwarmEvent {
    /** Validates. */
    public Routed {
      Checks.notNull(tier, "tier");
      Checks.notNull(reason, "reason");
      common(correlationId, at);
    }
  }

  /** An agent started working on a task. */
  record Started(TaskId taskId, String agentId, String correlationId, Instant at) implements SwarmEvent {
    /** Validates. */
    public Started {
      Checks.notNull(taskId, "taskId");
      Checks.notBlank(agentId, "agentId");
      common(correlationId, at);
    }
  }

  /** A model call was answered from the response cache. */
  record Cached(double similarity, boolean exact, String correlationId, Instant at) implements SwarmEvent {
    /** Validates. */
    public Cached {
      Checks.inRange(similarity, 0, 1, "similarity");
      common(correlationId, at);
    }
  }

  /** The {@code from} tier failed and {@code to} answered instead. */
  record FellBack(ModelTier from, ModelTier to, String reason, String correlationId, Instant at)
      implements SwarmEvent {
    /** Validates. */
    public FellBack {
      Checks.notNull(from, "from");
      Checks.notNull(to, "to");
      Checks.notBlank(reason, "reason");
      common(correlationId, at);
    }
  }

  /** A small-tier answer was rejected (by a verifier or evaluator) and the work went to the large tier. */
  record Escalated(String reason, String correlationId, Instant at) implements SwarmEvent {
    /** Validates. */
    public Escalated {
      Checks.notBlank(reason, "reason");
      common(correlationId, at);
    }
  }

  /** An evaluator judged an answer in round {@code round} (1-based) of the evaluator loop. */
  record Evaluated(TaskId taskId, Verdict verdict, int round, String correlationId, Instant at)
      implements SwarmEvent {
    /** Validates. */
    public Evaluated {
      Checks.notNull(taskId, "taskId");
      Checks.notNull(verdict, "verdict");
      Checks.positive(round, "round");
      common(correlationId, at);
    }
  }

  /** A task completed. */
  record Completed(TaskId taskId, String agentId, Duration latency, double costUsd, String correlationId, Instant at)
      implements SwarmEvent {
    /** Validates. */
    public Completed {
      Checks.notNull(taskId, "taskId");
      Checks.notBlank(agentId, "agentId");
      Checks.notNull(latency, "latency");
      Checks.notNegative(costUsd, "costUsd");
      common(correlationId, at);
    }
  }

  /** A task failed. */
  record Failed(TaskId taskId, String agentId, String error, String correlationId, Instant at)
      implements SwarmEvent {
    /** Validates. */
    public Failed {
      Checks.notNull(taskId, "taskId");
      Checks.notBlank(agentId, "agentId");
      Checks.notNull(error, "error");
      common(correlationId, at);
    }
  }

  /** A task was canceled. */
  record Canceled(TaskId taskId, String agentId, String correlationId, Instant at) implements SwarmEvent {
    /** Validates. */
    public Canceled {
      Checks.notNull(taskId, "taskId");
      Checks.notBlank(agentId, "agentId");
      common(correlationId, at);
    }
  }

  private static void common(String correlationId, Instant at) {
    Checks.notBlank(correlationId, "correlationId");
    Checks.notNull(at, "at");
  }
}
