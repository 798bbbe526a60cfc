package dev.swarm.core;

import dev.swarm.api.Task;
import dev.swarm.api.TaskHandle;
import dev.swarm.api.TaskId;
import dev.swarm.api.TaskResult;
import dev.swarm.api.TaskStatus;
import dev.swarm.api.TaskUpdate;
import dev.swarm.api.TaskUpdateListener;
import dev.swarm.api.eval.Verdict;
import dev.swarm.api.store.TaskRecord;
import dev.swarm.core.eval.EvaluatorLoop;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.DoubleAdder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task submitted to a {@link Swarm}: routes it, records it in the task store, and when the
 * swarm has an evaluator, runs the evaluator loop on the answer, routing each revision like the
 * original task.
 */
final class Submission implements TaskHandle {
  private static final Logger LOG = LoggerFactory.getLogger(Submission.class);

  private final Task task;
  private final TaskUpdateListener listener;
  private final Swarm swarm;
  private final Instant submittedAt;
  private final CompletableFuture<TaskResult> result = new CompletableFuture<>();
  private final CompletableFuture<TaskResult> view = result.copy();
  private final DoubleAdder revisionCost = new DoubleAdder();
  private volatile @Nullable TaskHandle current;
  private volatile @Nullable Future<?> refining;
  private TaskRecord record;
  private boolean ended;

  Submission(Task task, TaskUpdateListener listener, Swarm swarm) {
    this.task = task;
    this.listener = listener;
    this.swarm = swarm;
    this.submittedAt = swarm.context().clock().instant();
    this.record = TaskRecord.submitted(task, submittedAt);
  }

  TaskHandle begin() {
    swarm.taskStore().save(record);
    TaskHandle first;
    try {
      first = swarm.route(task, this::track);
    } catch (RuntimeException e) {
      end(new TaskResult(task.id(), TaskStatus.REJECTED, "", "no agent took the task: " + e.getMessage(),
          Duration.ZERO, 0, Map.of()));
      throw e;
    }
    current = first;
    first.result().whenComplete((r, error) -> answered(r != null ? r
        : TaskResult.failed(task.id(), "the task's agent failed to deliver a result: " + error)));
    return this;
  }

  private void answered(TaskResult first) {
    EvaluatorLoop loop = swarm.loop();
    if (loop == null || !first.isCompleted()) {
      end(first);
      return;
    }
    CompletableFuture<Void> work = swarm.context().pool().runIo(() -> {
      refine(loop, first);
      return null;
    });
    refining = work;
    work.whenComplete((ok, error) -> {
      if (error != null) {
        end(TaskResult.failed(task.id(), "evaluating the answer failed: " + error));
      }
    });
  }

  private void refine(EvaluatorLoop loop, TaskResult first) {
    EvaluatorLoop.Refinement refined = loop.run(task, first.output(), this::revise);
    Map<String, String> metadata = new HashMap<>(first.metadata());
    Verdict verdict = refined.verdict();
    metadata.put("evaluation.score", String.format(Locale.ROOT, "%.3f", verdict.score()));
    metadata.put("evaluation.pass", Boolean.toString(verdict.pass()));
    metadata.put("evaluation.rounds", Integer.toString(refined.rounds()));
    if (!verdict.pass()) {
      LOG.warn("Task {} kept its best answer (score {}) without passing evaluation after {} rounds;"
          + " raise maxRounds or improve the agents' instructions", task.id(), verdict.score(), refined.rounds());
    }
    end(new TaskResult(task.id(), TaskStatus.COMPLETED, refined.answer(), null, Duration.ZERO,
        first.costUsd() + revisionCost.sum(), metadata));
  }

  private String revise(String previous, Verdict verdict) throws Exception {
    Task revision = Task.builder(task.input()
            + "\n\nYour previous answer:\n" + previous
            + "\n\nA reviewer found these problems:\n" + verdict.feedback()
            + "\n\nWrite an improved answer to the task.")
        .contextId(task.contextId())
        .correlationId(task.correlationId())
        .skill(task.skill())
        .priority(task.priority())
        .deadline(task.deadline())
        .parentId(task.id())
        .metadata(task.metadata())
        .metadata("revisionOf", task.id().value())
        .build();
    TaskHandle handle = swarm.route(revision, TaskUpdateListener.NONE);
    current = handle;
    if (result.isDone()) {
      handle.cancel();
    }
    TaskResult revised = handle.result().get();
    revisionCost.add(revised.costUsd());
    if (!revised.isCompleted()) {
      throw new IllegalStateException("revision " + revision.id() + " ended " + revised.status() + ": " + revised.error());
    }
    return revised.output();
  }

  /** Passes progress on and records WORKING; the final status comes from {@link #end}. */
  private void track(TaskUpdate update) {
    if (update instanceof TaskUpdate.StatusChanged s) {
      if (s.status().endsStream()) {
        return;
      }
      if (s.status() == TaskStatus.WORKING) {
        save(TaskStatus.WORKING, null, s.at());
      }
    }
    listener.onUpdate(update);
  }

  private synchronized void save(TaskStatus status, @Nullable TaskResult outcome, Instant at) {
    if (record.status().isTerminal() || (outcome == null && record.status() == status)) {
      return;
    }
    Instant when = at.isBefore(record.updatedAt()) ? record.updatedAt() : at;
    record = outcome == null ? record.withStatus(status, when) : record.withResult(outcome, when);
    swarm.taskStore().save(record);
  }

  private void end(TaskResult outcome) {
    Instant now = swarm.context().clock().instant();
    synchronized (this) {
      if (ended) {
        return;
      }
      ended = true;
    }
    TaskResult accounted = swarm.loop() == null || !outcome.isCompleted()
        ? outcome
        : outcome.withAccounting(now.isBefore(submittedAt) ? Duration.ZERO : Duration.between(submittedAt, now), outcome.costUsd());
    save(accounted.status(), accounted, now);
    try {
      listener.onUpdate(new TaskUpdate.StatusChanged(task.id(), accounted.status(),
          accounted.error() == null ? "" : accounted.error(), now));
    } catch (RuntimeException e) {
      LOG.warn("Update listener of task {} threw; ignoring it. Catch errors inside the listener", task.id(), e);
    }
    result.complete(accounted);
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
    end(TaskResult.canceled(task.id()));
    TaskHandle h = current;
    if (h != null) {
      h.cancel();
    }
    Future<?> r = refining;
    if (r != null) {
      r.cancel(true);
    }
  }
}
