package dev.swarm.a2a.server;

import dev.swarm.a2a.server.TaskModel.Artifact;
import dev.swarm.a2a.server.TaskModel.Message;
import dev.swarm.a2a.server.TaskModel.Part;
import dev.swarm.a2a.server.TaskModel.StatusEvent;
import dev.swarm.a2a.server.TaskModel.TaskView;
import dev.swarm.api.Task;
import dev.swarm.api.TaskId;
import dev.swarm.api.TaskResult;
import dev.swarm.api.TaskStatus;
import dev.swarm.api.store.TaskRecord;
import dev.swarm.api.store.TaskStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * Writes every task's life to the host's {@link TaskStore} (write-through, in order per task, on
 * the I/O executor since a store may block), and recalls tasks the server no longer holds in
 * memory, after eviction or a restart, for GetTask.
 */
final class TaskJournal {
  /** Task metadata naming the authenticated caller, for the agent and for ownership after a restart. */
  static final String PRINCIPAL = "a2a.principal";
  /** Task metadata carrying the A2A message id the task came from. */
  static final String MESSAGE_ID = "a2a.messageId";

  private final TaskStore store;
  private final Executor executor;
  private final Clock clock;

  TaskJournal(TaskStore store, Executor executor, Clock clock) {
    this.store = store;
    this.executor = executor;
    this.clock = clock;
  }

  Executor executor() {
    return executor;
  }

  /** Starts the record of a task the agent is about to get. */
  Writer open(Task task, Instant createdAt) {
    return new Writer(TaskRecord.submitted(task, createdAt));
  }

  /** One task's record, advanced by jobs that run one after the other. */
  final class Writer {
    private final SerialQueue queue = new SerialQueue(executor);
    private TaskRecord record;

    private Writer(TaskRecord first) {
      this.record = first;
      queue.submit(() -> store.save(record));
    }

    void status(TaskStatus status) {
      queue.submit(() -> {
        record = record.withStatus(status, now());
        store.save(record);
      });
    }

    void result(TaskResult result) {
      queue.submit(() -> {
        record = record.withResult(result, now());
        store.save(record);
      });
    }

    private Instant now() {
      Instant now = clock.instant();
      return now.isBefore(record.updatedAt()) ? record.updatedAt() : now;
    }
  }

  /** The stored task, if it exists and belongs to {@code principal}. Blocks on the store: call off the event loop. */
  Optional<TaskView> recall(String taskId, String principal) {
    if (taskId.isBlank() || taskId.length() > TaskId.MAX_LENGTH) {
      return Optional.empty();
    }
    return store.find(TaskId.of(taskId))
        .filter(r -> principal.equals(r.task().metadata().get(PRINCIPAL)))
        .map(TaskJournal::view);
  }

  private static TaskView view(TaskRecord record) {
    Task task = record.task();
    TaskResult result = record.result();
    List<Message> history = new ArrayList<>();
    history.add(new Message(task.metadata().getOrDefault(MESSAGE_ID, task.id().value()), false,
        List.of(Part.text(task.input())), task.id(), task.contextId()));
    Message note = null;
    if (result != null && !result.isCompleted()) {
      String text = result.error() != null ? result.error() : result.output();
      if (!text.isEmpty()) {
        note = new Message(task.id().value() + "-status", true, List.of(Part.text(text)), task.id(), task.contextId());
        history.add(note);
      }
    }
    List<Artifact> artifacts = result != null && result.isCompleted() && !result.output().isEmpty()
        ? List.of(new Artifact("result", "result", result.output()))
        : List.of();
    Map<String, String> metadata = task.metadata().entrySet().stream()
        .filter(e -> !e.getKey().startsWith("a2a."))
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    return new TaskView(task.id(), task.contextId(), new StatusEvent(record.status(), note, record.updatedAt()),
        artifacts, history, metadata);
  }
}
