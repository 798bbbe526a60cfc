package dev.swarm.core;

import dev.swarm.api.Task;
import dev.swarm.api.TaskHandle;
import dev.swarm.api.TaskId;
import dev.swarm.api.TaskResult;
import dev.swarm.api.TaskStatus;
import dev.swarm.api.TaskUpdate;
import dev.swarm.api.TaskUpdateListener;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.DoubleAdder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One task accepted by a {@link BaseAgent}: its listener, deadline, the thread working on it, the
 * subtasks it sent, and the single place where it ends. Whoever ends it first (the work itself,
 * a cancel, the deadline) wins; later attempts are ignored.
 */
final class Run implements TaskHandle {
  private static final Logger LOG = LoggerFactory.getLogger(Run.class);

  private final BaseAgent agent;
  private final Task task;
  private final TaskUpdateListener listener;
  private final boolean listening;
  private final Instant deadline;
  private final long sequence;
  private final CompletableFuture<TaskResult> result = new CompletableFuture<>();
  private final CompletableFuture<TaskResult> view = result.copy();
  /** Subtasks sent while processing; made on first use (most send none) and fixed once finished. */
  private volatile @Nullable Set<TaskHandle> children;
  private final DoubleAdder ownCost = new DoubleAdder();
  private volatile @Nullable Future<?> worker;
  private volatile @Nullable Instant startedAt;
  private volatile Scheduler.@Nullable Cancellable timer;
  private boolean finished;
  /** How the run ended, set with {@code finished}. */
  private volatile @Nullable TaskResult outcome;
  /** Whether the run holds one of the agent's slots; guarded by the agent's lock. */
  boolean hasSlot;

  Run(BaseAgent agent, Task task, TaskUpdateListener listener, Instant deadline, long sequence) {
    this.agent = agent;
    this.task = task;
    this.listener = listener;
    this.listening = listener != TaskUpdateListener.NONE;
    this.deadline = deadline;
    this.sequence = sequence;
  }

  Task task() {
    return task;
  }

  Instant deadline() {
    return deadline;
  }

  long sequence() {
    return sequence;
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
    if (finish(TaskResult.canceled(task.id()))) {
      interruptWorker();
    }
  }

  boolean isDone() {
    return result.isDone();
  }

  void worker(Future<?> work) {
    this.worker = work;
    if (isDone()) {
      work.cancel(true);
    }
  }

  void timer(Scheduler.Cancellable deadlineTimer) {
    this.timer = deadlineTimer;
    if (isDone()) {
      deadlineTimer.cancel();
    }
  }

  /** Fired by the scheduler when the deadline passes. */
  void expire(Duration allowed) {
    if (finish(TaskResult.failed(task.id(), "task " + task.id() + " missed its deadline after " + allowed
        + " on agent '" + agent.id() + "'; give it a later deadline or raise the agent's timeout"))) {
      interruptWorker();
    }
  }

  private void interruptWorker() {
    Future<?> w = worker;
    if (w != null) {
      w.cancel(true);
    }
  }

  /** Moves the task to WORKING; false if it already ended (canceled while queued). */
  boolean start(Instant now) {
    synchronized (this) {
      if (finished) {
        return false;
      }
      startedAt = now;
      status(TaskStatus.WORKING, "", now);
    }
    return true;
  }

  /** Tells the listener about a chunk of output, unless the task has ended. */
  synchronized void artifact(String name, String text, boolean append, boolean lastChunk, Instant now) {
    if (!finished && listening) {
      emit(new TaskUpdate.ArtifactProduced(task.id(), name, text, append, lastChunk, now));
    }
  }

  synchronized void submitted(Instant now) {
    status(TaskStatus.SUBMITTED, "", now);
  }

  /** Ends the stream of a task the agent refused; the run never counts as accepted. */
  synchronized void rejected(String why, Instant now) {
    finished = true;
    status(TaskStatus.REJECTED, why, now);
  }

  /** Charges a model call made for this task. */
  void charge(double costUsd) {
    ownCost.add(costUsd);
  }

  double ownCost() {
    return ownCost.sum();
  }

  /** Keeps a subtask so cancelling or failing this task reaches it, even if it just ended. */
  void adopt(TaskHandle child) {
    synchronized (this) {
      if (!finished) {
        if (children == null) {
          children = ConcurrentHashMap.newKeySet();
        }
        children.add(child);
        return;
      }
    }
    TaskResult ended = outcome;
    if (ended == null || !ended.isCompleted()) {
      child.cancel();
    }
  }

  /**
   * Ends the task with {@code raw}, adding latency and cost; the first call wins.
   *
   * @return whether this call ended the task
   */
  boolean finish(TaskResult raw) {
    Instant now = agent.now();
    TaskResult accounted;
    synchronized (this) {
      if (finished) {
        return false;
      }
      finished = true;
      Instant began = startedAt;
      Duration latency = began == null || now.isBefore(began) ? Duration.ZERO : Duration.between(began, now);
      accounted = raw.withAccounting(latency, raw.costUsd() + ownCost.sum() + childrenCost());
      outcome = accounted;
      status(accounted.status(), accounted.error() == null ? "" : accounted.error(), now);
    }
    Scheduler.Cancellable t = timer;
    if (t != null) {
      t.cancel();
    }
    Set<TaskHandle> kids = children;
    if (kids != null && !accounted.isCompleted()) {
      kids.forEach(TaskHandle::cancel);
    }
    agent.finished(this, accounted);
    result.complete(accounted);
    return true;
  }

  /** What the subtasks this task waited for cost; subtasks still running are not counted. */
  private double childrenCost() {
    Set<TaskHandle> kids = children;
    if (kids == null) {
      return 0;
    }
    double sum = 0;
    for (TaskHandle child : kids) {
      TaskResult r = child.result().getNow(null);
      if (r != null) {
        sum += r.costUsd();
      }
    }
    return sum;
  }

  private void status(TaskStatus status, String message, Instant now) {
    // Most subtasks have no listener; skip building updates nobody reads.
    if (listening) {
      emit(new TaskUpdate.StatusChanged(task.id(), status, message, now));
    }
  }

  private void emit(TaskUpdate update) {
    try {
      listener.onUpdate(update);
    } catch (RuntimeException e) {
      LOG.warn("Update listener of task {} threw; the task goes on. Catch errors inside the listener", task.id(), e);
    }
  }
}
