package dev.swarm.core;

import dev.swarm.api.Agent;
import dev.swarm.api.SwarmException;
import dev.swarm.api.Task;
import dev.swarm.api.TaskHandle;
import dev.swarm.api.TaskId;
import dev.swarm.api.TaskResult;
import dev.swarm.api.TaskUpdate;
import dev.swarm.api.TaskUpdateListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends tasks to agents from a registry, local and remote alike: the least-loaded capable agent
 * first, another one when an agent refuses the task (its {@code submit} throws) or fails it with
 * the {@link TaskResult#RETRIABLE} marker, up to {@value #MAX_ATTEMPTS} agents. A remote agent
 * whose result never arrives is given up on at the task's deadline; local agents enforce their
 * deadlines themselves.
 */
final class Dispatcher {
  static final int MAX_ATTEMPTS = 3;
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

  private final AgentRegistry registry;
  private final Clock clock;
  private final Scheduler scheduler;
  private final Duration defaultTimeout;

  Dispatcher(AgentRegistry registry, Clock clock, Scheduler scheduler, Duration defaultTimeout) {
    this.registry = registry;
    this.clock = clock;
    this.scheduler = scheduler;
    this.defaultTimeout = defaultTimeout;
  }

  /** Sends {@code task} to the least-loaded agent able to take it. */
  TaskHandle dispatch(Task task, TaskUpdateListener listener) {
    Agent first = registry.leastLoaded(task.skill()).orElse(null);
    if (first == null) {
      throw new SwarmException.Permanent(task.skill() == null
          ? "no worker or aggregator agent is registered to take task " + task.id() + "; register one"
          : "no registered agent has skill '" + task.skill() + "' for task " + task.id()
              + "; register an agent advertising it or fix the task's skill");
    }
    Attempts attempts = new Attempts(task, listener, false);
    if (!attempts.tryEach(List.of(first))) {
      attempts.begin(registry.capable(task.skill()));
    }
    return attempts;
  }

  /** Sends {@code task} to the agent with {@code agentId}, without trying others. */
  TaskHandle send(String agentId, Task task, TaskUpdateListener listener) {
    Agent agent = registry.find(agentId).orElseThrow(() -> new SwarmException.Permanent(
        "no agent '" + agentId + "' is registered; registered agents: " + registry.all().stream().map(Agent::id).sorted().toList()));
    Attempts attempts = new Attempts(task, listener, true);
    attempts.begin(List.of(agent));
    return attempts;
  }

  /** One task's tries across agents; ends exactly once. */
  private final class Attempts implements TaskHandle {
    private final Task task;
    private final TaskUpdateListener listener;
    private final boolean pinned;
    private final CompletableFuture<TaskResult> result = new CompletableFuture<>();
    private final CompletableFuture<TaskResult> view = result.copy();
    /** Ids of the agents tried, at most {@value #MAX_ATTEMPTS}; guarded by this. */
    private final List<String> tried = new ArrayList<>(1);
    /** Why agents refused the task; guarded by this, and rarely needed, so made on first use. */
    private @Nullable List<String> refusals;
    private volatile @Nullable TaskHandle current;
    private volatile Scheduler.@Nullable Cancellable timer;
    private boolean ended;

    Attempts(Task task, TaskUpdateListener listener, boolean pinned) {
      this.task = task;
      this.listener = listener;
      this.pinned = pinned;
    }

    void begin(List<Agent> candidates) {
      if (!tryEach(candidates)) {
        List<String> reasons;
        synchronized (this) {
          reasons = refusals == null ? List.of() : List.copyOf(refusals);
        }
        boolean retriable = reasons.stream().anyMatch(r -> r.startsWith("retriable"));
        String why = "every capable agent refused task " + task.id() + ": " + reasons;
        throw retriable ? new SwarmException.Retriable(why) : new SwarmException.Permanent(why);
      }
    }

    /** Submits to the first candidate not yet tried that accepts; false if none did. */
    private boolean tryEach(List<Agent> candidates) {
      for (Agent agent : candidates) {
        synchronized (this) {
          if (tried.size() >= MAX_ATTEMPTS || tried.contains(agent.id())) {
            continue;
          }
          tried.add(agent.id());
        }
        TaskHandle handle;
        try {
          handle = agent.submit(task, listener == TaskUpdateListener.NONE ? TaskUpdateListener.NONE : this::forward);
        } catch (RuntimeException e) {
          boolean retriable = !(e instanceof SwarmException s) || s.isRetriable();
          synchronized (this) {
            if (refusals == null) {
              refusals = new ArrayList<>();
            }
            refusals.add((retriable ? "retriable " : "permanent ") + agent.id() + ": " + e.getMessage());
          }
          LOG.warn("Agent {} refused task {} ({}); trying another capable agent", agent.id(), task.id(), e.toString());
          continue;
        }
        current = handle;
        if (!(agent instanceof BaseAgent) && timer == null) {
          guard(agent);
        }
        handle.result().whenComplete((r, error) -> settle(agent, r, error));
        return true;
      }
      return false;
    }

    /** Remote results may never come; give up at the deadline instead of waiting forever. */
    private void guard(Agent agent) {
      Instant now = clock.instant();
      Duration allowed = task.deadline() != null ? Duration.between(now, task.deadline()) : defaultTimeout;
      timer = scheduler.schedule(allowed.isNegative() ? Duration.ZERO : allowed, () -> {
        if (end(TaskResult.failed(task.id(), "agent '" + agent.id() + "' gave no result for task " + task.id()
            + " within " + allowed + "; it may be hung or unreachable"))) {
          TaskHandle h = current;
          if (h != null) {
            h.cancel();
          }
        }
      });
    }

    private void settle(Agent agent, @Nullable TaskResult r, @Nullable Throwable error) {
      synchronized (this) {
        if (ended) {
          return;
        }
      }
      TaskResult outcome = r != null ? r
          : BaseAgent.retriable(task.id(), "agent '" + agent.id() + "' failed to deliver a result: " + error);
      if (!pinned && outcome.isRetriable()) {
        LOG.warn("Agent {} failed task {} in a way that may pass ({}); trying another capable agent",
            agent.id(), task.id(), outcome.error());
        if (tryEach(registry.capable(task.skill()))) {
          return;
        }
      }
      end(outcome);
    }

    /** Passes updates through, except an attempt's own ending: the task may still go elsewhere. */
    private void forward(TaskUpdate update) {
      if (update instanceof TaskUpdate.StatusChanged s && s.status().endsStream()) {
        return;
      }
      listener.onUpdate(update);
    }

    private boolean end(TaskResult outcome) {
      synchronized (this) {
        if (ended) {
          return false;
        }
        ended = true;
      }
      if (listener != TaskUpdateListener.NONE) {
        try {
          listener.onUpdate(new TaskUpdate.StatusChanged(task.id(), outcome.status(),
              outcome.error() == null ? "" : outcome.error(), clock.instant()));
        } catch (RuntimeException e) {
          LOG.warn("Update listener of task {} threw; ignoring it. Catch errors inside the listener", task.id(), e);
        }
      }
      Scheduler.Cancellable t = timer;
      if (t != null) {
        t.cancel();
      }
      result.complete(outcome);
      return true;
    }

    @Override
    public TaskId taskId() {
      return task.id();
    }

    @Override
    public CompletableFuture<TaskResult> result() {
      return view;
    }

    @Override
    public void cancel() {
      TaskHandle h = current;
      if (end(TaskResult.canceled(task.id())) && h != null) {
        h.cancel();
      }
    }
  }
}
