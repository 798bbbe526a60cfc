package dev.swarm.a2a.server;

import dev.swarm.a2a.server.TaskModel.Artifact;
import dev.swarm.a2a.server.TaskModel.ArtifactEvent;
import dev.swarm.a2a.server.TaskModel.Event;
import dev.swarm.a2a.server.TaskModel.Message;
import dev.swarm.a2a.server.TaskModel.Part;
import dev.swarm.a2a.server.TaskModel.StatusEvent;
import dev.swarm.a2a.server.TaskModel.TaskView;
import dev.swarm.api.ContextId;
import dev.swarm.api.TaskHandle;
import dev.swarm.api.TaskId;
import dev.swarm.api.TaskResult;
import dev.swarm.api.TaskStatus;
import dev.swarm.api.TaskUpdate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One task the server tracks: its state, history and artifacts, the streams watching it and its
 * webhook configs. Agent threads feed it updates; transport threads read snapshots and subscribe.
 * Every change happens under the entry's lock and reaches subscribers in that same order.
 */
final class TaskEntry {
  private static final Logger LOG = LoggerFactory.getLogger(TaskEntry.class);

  /** Receives a task's events; called under the entry's lock, so it must only enqueue work. */
  interface Subscriber {
    /** The task as it is when the subscription starts. */
    void onSnapshot(TaskView view);

    /** A later event. */
    void onEvent(Event event);

    /** The task reached a terminal or interrupted state; no more events follow. */
    void onEnd();
  }

  final TaskId id;
  final ContextId contextId;
  final String owner;
  final Instant createdAt;
  private final Clock clock;
  private final Map<String, String> metadata;
  private final List<Message> history = new ArrayList<>();
  private final Map<String, Artifact> artifacts = new LinkedHashMap<>();
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private final Map<String, PushConfig> pushConfigs = new LinkedHashMap<>();
  private final CompletableFuture<TaskView> settled = new CompletableFuture<>();
  private final CompletableFuture<TaskView> terminal = new CompletableFuture<>();
  private final AtomicBoolean started = new AtomicBoolean();
  private StatusEvent status;
  private @Nullable TaskHandle handle;
  private boolean cancelRequested;
  private @Nullable PushNotifier.Queue pushQueue;
  private TaskJournal.@Nullable Writer journal;

  TaskEntry(TaskId id, ContextId contextId, String owner, Message request, Map<String, String> metadata, Clock clock) {
    this.id = id;
    this.contextId = contextId;
    this.owner = owner;
    this.clock = clock;
    this.createdAt = clock.instant();
    this.metadata = Map.copyOf(metadata);
    this.status = new StatusEvent(TaskStatus.SUBMITTED, null, createdAt);
    history.add(request);
  }

  /** Returns true exactly once: to the caller that must hand the task to the agent. */
  boolean claimStart() {
    return started.compareAndSet(false, true);
  }

  /** Completes with the task once it is terminal or interrupted. */
  CompletableFuture<TaskView> settled() {
    return settled;
  }

  /** Completes with the task once it is terminal; an interrupted task may still get there. */
  CompletableFuture<TaskView> terminal() {
    return terminal;
  }

  synchronized TaskView view() {
    return new TaskView(id, contextId, status, List.copyOf(artifacts.values()), history, metadata);
  }

  synchronized TaskStatus status() {
    return status.status();
  }

  synchronized Instant statusAt() {
    return status.at();
  }

  /** Subscribes; the subscriber gets the current task first, and its end at once if settled. */
  synchronized void subscribe(Subscriber subscriber) {
    subscriber.onSnapshot(view());
    if (status.status().endsStream()) {
      subscriber.onEnd();
    } else {
      subscribers.add(subscriber);
    }
  }

  void unsubscribe(Subscriber subscriber) {
    subscribers.remove(subscriber);
  }

  /** From now on, every change is also written to the host's task store. */
  synchronized void journal(TaskJournal.Writer writer) {
    journal = writer;
  }

  /** The agent accepted the task; a cancel that arrived first is passed on now. */
  void attach(TaskHandle taskHandle) {
    boolean cancelNow;
    synchronized (this) {
      handle = taskHandle;
      cancelNow = cancelRequested;
    }
    taskHandle.result().whenComplete((result, failure) -> {
      if (result != null) {
        finish(result);
      } else {
        LOG.warn("Agent's result future for task {} failed; reporting FAILED. Fix the agent to complete its result normally", id, failure);
        finish(TaskResult.failed(id, "the agent failed: " + failure));
      }
    });
    if (cancelNow) {
      taskHandle.cancel();
    }
  }

  /** Asks the agent to stop; idempotent. */
  void cancel() {
    TaskHandle target;
    synchronized (this) {
      cancelRequested = true;
      target = handle;
    }
    if (target != null) {
      target.cancel();
    }
  }

  /** Applies one update the agent streamed. Terminal statuses wait for the result instead. */
  void onUpdate(TaskUpdate update) {
    switch (update) {
      case TaskUpdate.StatusChanged changed -> {
        if (!changed.status().endsStream()) {
          Message note = changed.message().isEmpty() ? null : agentMessage(changed.message());
          publish(new StatusEvent(changed.status(), note, changed.at()));
        }
      }
      case TaskUpdate.ArtifactProduced produced ->
          publish(new ArtifactEvent(new Artifact(produced.name(), produced.name(), produced.text()), produced.append(), produced.lastChunk()));
    }
  }

  /** The agent refused the task before it started. */
  void reject(String reason) {
    finish(new TaskResult(id, TaskStatus.REJECTED, "", reason, Duration.ZERO, 0, Map.of()));
  }

  private void finish(TaskResult result) {
    boolean hasArtifacts;
    synchronized (this) {
      if (status.status().endsStream()) {
        return;
      }
      hasArtifacts = !artifacts.isEmpty();
    }
    if (result.isCompleted() && !hasArtifacts && !result.output().isEmpty()) {
      publish(new ArtifactEvent(new Artifact("result", "result", result.output()), false, true));
    }
    String note = result.isCompleted() ? "" : result.error() != null ? result.error() : result.output();
    publish(new StatusEvent(result.status(), note.isEmpty() ? null : agentMessage(note), clock.instant()));
    synchronized (this) {
      if (journal != null) {
        journal.result(result);
      }
    }
  }

  private Message agentMessage(String text) {
    return new Message(UUID.randomUUID().toString(), true, List.of(Part.text(text)), id, contextId);
  }

  /**
   * Cancels a task that waits for input: the agent has already returned its result, so the
   * server moves it to CANCELED itself.
   */
  void cancelInterrupted() {
    TaskView after;
    synchronized (this) {
      if (!status.status().isInterrupted()) {
        return;
      }
      status = new StatusEvent(TaskStatus.CANCELED, null, clock.instant());
      push(status);
      if (journal != null) {
        journal.result(TaskResult.canceled(id));
      }
      after = view();
    }
    terminal.complete(after);
  }

  /** Hands the event to this task's webhooks, if it has any; called under the lock to keep order. */
  private void push(Event event) {
    if (pushQueue != null) {
      pushQueue.enqueue(List.copyOf(pushConfigs.values()), ProtocolJson.streamEvent(event, id, contextId, Dialect.V1_0));
    }
  }

  private void publish(Event event) {
    TaskView after = null;
    boolean ends = false;
    synchronized (this) {
      if (status.status().endsStream()) {
        return;
      }
      switch (event) {
        case StatusEvent s -> {
          status = s;
          if (s.message() != null) {
            history.add(s.message());
          }
          ends = s.status().endsStream();
          if (!ends && journal != null) {
            journal.status(s.status());
          }
        }
        case ArtifactEvent a -> {
          Artifact previous = artifacts.get(a.artifact().artifactId());
          Artifact merged = a.append() && previous != null
              ? new Artifact(previous.artifactId(), previous.name(), previous.text() + a.artifact().text())
              : a.artifact();
          artifacts.put(merged.artifactId(), merged);
        }
      }
      for (Subscriber subscriber : subscribers) {
        subscriber.onEvent(event);
      }
      push(event);
      if (ends) {
        subscribers.forEach(Subscriber::onEnd);
        subscribers.clear();
        after = view();
      }
    }
    if (after != null) {
      settled.complete(after);
      if (after.status().status().isTerminal()) {
        terminal.complete(after);
      }
    }
  }

  // ---- push notification configs ----

  synchronized void putPushConfig(PushConfig config, PushNotifier notifier) {
    pushConfigs.put(config.id(), config);
    if (pushQueue == null) {
      pushQueue = notifier.queue();
    }
    pushQueue.enqueue(List.of(config), ProtocolJson.streamTask(view(), Dialect.V1_0));
  }

  synchronized Optional<PushConfig> pushConfig(String configId) {
    return Optional.ofNullable(pushConfigs.get(configId));
  }

  synchronized List<PushConfig> pushConfigs() {
    return List.copyOf(pushConfigs.values());
  }

  synchronized boolean deletePushConfig(String configId) {
    return pushConfigs.remove(configId) != null;
  }
}
