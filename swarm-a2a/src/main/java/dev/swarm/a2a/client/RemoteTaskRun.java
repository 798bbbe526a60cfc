package dev.swarm.a2a.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarm.api.RateLimitedException;
import dev.swarm.api.SwarmException;
import dev.swarm.api.Task;
import dev.swarm.api.TaskId;
import dev.swarm.api.TaskResult;
import dev.swarm.api.TaskStatus;
import dev.swarm.api.TaskUpdate;
import dev.swarm.api.TaskUpdateListener;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One task on a remote agent, from the first send to the result: maps the peer's events to swarm
 * updates, retries a broken call (resending the same message id, or resubscribing once the peer
 * has named the task), enforces the timeout and carries cancellation across.
 *
 * <p>Events arrive on transport threads; every state change happens under this object's lock so
 * the listener sees updates one at a time, in order.
 */
final class RemoteTaskRun implements RemoteTaskHandle {
  private static final Logger LOG = LoggerFactory.getLogger(RemoteTaskRun.class);
  private static final Duration MAX_POLL_DELAY = Duration.ofSeconds(2);

  private final Task task;
  private final TaskUpdateListener listener;
  private final RunSettings settings;
  private final Runnable onFinished;
  private final Instant startedAt;
  private final CompletableFuture<TaskResult> result = new CompletableFuture<>();
  private final CompletableFuture<Boolean> timer = new CompletableFuture<>();
  /** The wait before the next GetTask when following a peer that does not stream; doubles. */
  private Duration pollDelay = Duration.ofMillis(100);
  /** Artifact id to its text so far, in the order the peer produced them. */
  private final Map<String, StringBuilder> artifacts = new LinkedHashMap<>();

  private @Nullable String remoteTaskId;
  private @Nullable String remoteContextId;
  private @Nullable TaskStatus lastStatus;
  private String lastStatusText = "";
  private @Nullable String directReply;
  private int retries;
  private boolean cancelRequested;
  private boolean cancelSent;
  private boolean finished;
  private @Nullable SwarmException failure;
  private Transport.@Nullable Call currentStream;
  private @Nullable CompletableFuture<JsonNode> currentUnary;

  RemoteTaskRun(Task task, TaskUpdateListener listener, RunSettings settings, Runnable onFinished) {
    this.task = task;
    this.listener = listener;
    this.settings = settings;
    this.onFinished = onFinished;
    this.startedAt = settings.clock().instant();
  }

  /** Sends the task and arms the timeout; returns at once. */
  void start() {
    Duration timeout = effectiveTimeout();
    // Completing the timer early (in finish) cancels the scheduled timeout, so a finished task
    // is not kept reachable until its timeout would have fired.
    timer.completeOnTimeout(true, Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS)
        .thenAcceptAsync(fired -> {
          if (fired) {
            timedOut(timeout);
          }
        }, settings.executor());
    settings.executor().execute(this::send);
  }

  /** The builder's timeout, shortened to the task's own deadline when that comes first. */
  private Duration effectiveTimeout() {
    Instant deadline = task.deadline();
    if (deadline == null) {
      return settings.timeout();
    }
    Duration untilDeadline = Duration.between(settings.clock().instant(), deadline);
    return untilDeadline.compareTo(settings.timeout()) < 0 ? untilDeadline : settings.timeout();
  }

  private synchronized void send() {
    if (finished) {
      return;
    }
    if (remoteTaskId != null) {
      followUp();
    } else if (settings.streaming()) {
      currentStream =
          settings.transport().stream("SendStreamingMessage", Wire.sendParams(task, settings.tenant()), new Events());
    } else {
      CompletableFuture<JsonNode> call =
          settings.transport().call("SendMessage", Wire.sendParams(task, settings.tenant()));
      currentUnary = call;
      call.whenComplete(this::blockingAnswered);
    }
  }

  /**
   * Follows a task the peer has named but not finished, without sending it twice: resubscribe to
   * its stream (spec section 3.1.6), or, for a peer that does not stream, poll it.
   */
  private void followUp() {
    if (settings.streaming()) {
      currentStream = settings.transport().stream("SubscribeToTask", taskParams(), new Events());
    } else {
      schedulePoll();
    }
  }

  private void schedulePoll() {
    Duration delay = pollDelay;
    pollDelay = pollDelay.multipliedBy(2).compareTo(MAX_POLL_DELAY) > 0 ? MAX_POLL_DELAY : pollDelay.multipliedBy(2);
    CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS, settings.executor()).execute(this::poll);
  }

  private synchronized void poll() {
    if (finished) {
      return;
    }
    CompletableFuture<JsonNode> call = settings.transport().call("GetTask", taskParams());
    currentUnary = call;
    call.whenComplete((snapshot, error) -> {
      synchronized (this) {
        if (error != null) {
          failed(unwrap(error));
        } else if (snapshot != null && !finished) {
          onTask(snapshot);
          if (!finished) {
            schedulePoll();
          }
        }
      }
    });
  }

  private synchronized void blockingAnswered(@Nullable JsonNode answer, @Nullable Throwable error) {
    if (error != null) {
      failed(unwrap(error));
      return;
    }
    if (answer == null) {
      failed(new SwarmException.Permanent("A2A peer " + settings.transport().peer() + " answered SendMessage with a null result"));
      return;
    }
    onEvent(answer);
    if (!finished) {
      if (remoteTaskId == null) {
        failed(new SwarmException.Permanent("A2A peer " + settings.transport().peer()
            + " answered SendMessage with neither a finished task nor a message: " + JsonRpc.abbreviate(answer.toString())));
      } else {
        // The peer stopped waiting before the task finished (its own blocking timeout).
        schedulePoll();
      }
    }
  }

  /** Applies one StreamResponse (or SendMessageResponse, which has the same task/message shape). */
  private synchronized void onEvent(JsonNode event) {
    if (finished) {
      return;
    }
    if (event.has("task")) {
      onTask(event.get("task"));
    } else if (event.has("statusUpdate")) {
      JsonNode update = event.get("statusUpdate");
      learnIds(update.path("taskId").asText(""), update.path("contextId").asText(""));
      onStatus(update.path("status"));
    } else if (event.has("artifactUpdate")) {
      onArtifact(event.get("artifactUpdate"));
    } else if (event.has("message")) {
      // The agent answered directly without creating a task.
      directReply = Wire.text(event.get("message").path("parts"));
      finish(TaskStatus.COMPLETED, null);
    } else {
      LOG.warn("Ignored an A2A event from {} for task {} with no task, message, statusUpdate or artifactUpdate: {}. "
              + "The peer may speak a newer protocol; check its card's protocolVersion.",
          settings.transport().peer(), task.id(), JsonRpc.abbreviate(event.toString()));
    }
  }

  private void onTask(JsonNode snapshot) {
    learnIds(snapshot.path("id").asText(""), snapshot.path("contextId").asText(""));
    JsonNode snapshotArtifacts = snapshot.path("artifacts");
    if (!snapshotArtifacts.isEmpty()) {
      // A snapshot (first event, resubscribe, blocking answer) holds every artifact so far.
      for (JsonNode artifact : snapshotArtifacts) {
        String id = artifact.path("artifactId").asText("artifact-" + artifacts.size());
        StringBuilder known = artifacts.get(id);
        String text = Wire.text(artifact.path("parts"));
        if (known == null || !known.toString().equals(text)) {
          artifacts.put(id, new StringBuilder(text));
          emit(new TaskUpdate.ArtifactProduced(task.id(), artifactName(artifact, id), text, false, true, now()));
        }
      }
    }
    onStatus(snapshot.path("status"));
  }

  private void onStatus(JsonNode status) {
    Optional<TaskStatus> state = Wire.stateOf(status);
    if (state.isEmpty()) {
      return;
    }
    String text = Wire.statusText(status);
    if (state.get() != lastStatus || !text.equals(lastStatusText)) {
      lastStatus = state.get();
      lastStatusText = text;
      emit(new TaskUpdate.StatusChanged(task.id(), state.get(), text, now()));
    }
    if (state.get().endsStream()) {
      finish(state.get(), null);
    }
  }

  private void onArtifact(JsonNode update) {
    learnIds(update.path("taskId").asText(""), update.path("contextId").asText(""));
    JsonNode artifact = update.path("artifact");
    String id = artifact.path("artifactId").asText("artifact-" + artifacts.size());
    String name = artifactName(artifact, id);
    String chunk = Wire.text(artifact.path("parts"));
    boolean append = update.path("append").asBoolean(false);
    StringBuilder known = artifacts.get(id);
    if (append && known != null) {
      known.append(chunk);
    } else {
      artifacts.put(id, new StringBuilder(chunk));
    }
    emit(new TaskUpdate.ArtifactProduced(
        task.id(), name, chunk, append, update.path("lastChunk").asBoolean(false), now()));
  }

  private static String artifactName(JsonNode artifact, String id) {
    return Wire.field(artifact, "name").orElse(id);
  }

  private void learnIds(String taskId, String contextId) {
    if (remoteTaskId == null && !taskId.isBlank()) {
      remoteTaskId = taskId;
      if (cancelRequested) {
        sendCancel();
      }
    }
    if (remoteContextId == null && !contextId.isBlank()) {
      remoteContextId = contextId;
    }
  }

  /** A call or stream failed: retry what a retry can fix, else end FAILED. */
  private synchronized void failed(RuntimeException error) {
    if (finished) {
      return;
    }
    currentStream = null;
    currentUnary = null;
    if (remoteTaskId != null && error instanceof A2aFailure a2a && a2a.error() == A2aError.UNSUPPORTED_OPERATION) {
      // SubscribeToTask refuses a task that finished while we were away; its snapshot has the outcome.
      fetchOutcome();
      return;
    }
    if (cancelRequested && remoteTaskId == null) {
      finish(TaskStatus.CANCELED, "canceled"); // the peer never took the task, so nothing runs
      return;
    }
    SwarmException swarm = unwrap(error);
    if (swarm.isRetriable() && retries < settings.maxRetries()) {
      retries++;
      Duration backoff = backoff(swarm);
      LOG.info("Retrying task {} on {} ({} of {}) in {} after: {}",
          task.id(), settings.transport().peer(), retries, settings.maxRetries(), backoff, swarm.getMessage());
      CompletableFuture.delayedExecutor(backoff.toMillis(), TimeUnit.MILLISECONDS, settings.executor())
          .execute(this::send);
      return;
    }
    failure = swarm;
    finish(TaskStatus.FAILED, swarm.getMessage());
  }

  private Duration backoff(SwarmException error) {
    Duration base = settings.retryBackoff().multipliedBy(1L << Math.min(retries - 1, 10));
    if (error instanceof RateLimitedException limited && limited.retryAfter().isPresent()) {
      Duration asked = limited.retryAfter().get();
      return asked.compareTo(base) > 0 ? asked : base;
    }
    return base;
  }

  private void fetchOutcome() {
    CompletableFuture<JsonNode> call = settings.transport().call("GetTask", taskParams());
    currentUnary = call;
    call.whenComplete((snapshot, error) -> {
      synchronized (this) {
        if (error != null) {
          failure = unwrap(error);
          finish(TaskStatus.FAILED, failure.getMessage());
        } else if (snapshot != null) {
          onTask(snapshot);
          if (!finished) {
            followUp(); // still running after all
          }
        }
      }
    });
  }

  private ObjectNode taskParams() {
    return Wire.taskIdParams(Objects.requireNonNull(remoteTaskId, "remoteTaskId"), settings.tenant());
  }

  @Override
  public synchronized void cancel() {
    if (finished || cancelRequested) {
      return;
    }
    cancelRequested = true;
    if (remoteTaskId != null) {
      sendCancel();
    } else if (!settings.streaming()) {
      // A blocking send names the task only when it is over: stop waiting and end here.
      finish(TaskStatus.CANCELED, "canceled");
    }
    // A stream names the task in its first event; learnIds sends the cancel then.
  }

  private void sendCancel() {
    if (cancelSent) {
      return;
    }
    cancelSent = true;
    settings.transport().call("CancelTask", taskParams()).whenComplete((snapshot, error) -> {
      synchronized (this) {
        if (error == null && snapshot != null) {
          onTask(snapshot);
        } else if (error != null) {
          SwarmException cause = unwrap(error);
          if (!(cause instanceof A2aFailure a2a && a2a.error() == A2aError.TASK_NOT_CANCELABLE)) {
            LOG.warn("CancelTask for task {} (remote {}) on {} failed: {}. Ending it as canceled here; "
                    + "the peer may still finish it.",
                task.id(), remoteTaskId, settings.transport().peer(), cause.getMessage());
            finish(TaskStatus.CANCELED, "canceled");
          }
        }
      }
    });
  }

  private synchronized void timedOut(Duration timeout) {
    if (finished) {
      return;
    }
    if (remoteTaskId != null && !cancelSent) {
      cancelSent = true;
      settings.transport().call("CancelTask", taskParams()); // best effort; the outcome no longer matters
    }
    failure = new SwarmException.Retriable(
        "task " + task.id() + " on A2A peer " + settings.transport().peer() + " timed out after " + timeout);
    finish(TaskStatus.FAILED, failure.getMessage());
  }

  /** Ends the task FAILED and retriable because this client goes away, not the task. */
  synchronized void abandon(String why) {
    if (!finished) {
      failure = new SwarmException.Retriable(why);
      finish(TaskStatus.FAILED, why);
    }
  }

  private void finish(TaskStatus status, @Nullable String error) {
    if (finished) {
      return;
    }
    finished = true;
    timer.complete(false);
    Transport.Call stream = currentStream;
    if (stream != null) {
      // A task that ended well lets the peer close its stream, which keeps the connection; any other end stops it now.
      if (error == null) {
        stream.settle();
      } else {
        stream.abort();
      }
    }
    CompletableFuture<JsonNode> unary = currentUnary;
    if (unary != null) {
      unary.cancel(true);
    }
    if (status != lastStatus) {
      lastStatus = status;
      emit(new TaskUpdate.StatusChanged(task.id(), status, error == null ? "" : error, now()));
    }
    TaskResult outcome = toResult(status, error);
    onFinished.run(); // release the load slot first: whoever sees the result may submit again
    result.complete(outcome);
  }

  private TaskResult toResult(TaskStatus status, @Nullable String error) {
    String output = directReply != null ? directReply : artifactText();
    if (output.isEmpty() && status == TaskStatus.COMPLETED) {
      output = lastStatusText;
    }
    String why = switch (status) {
      case COMPLETED -> null;
      case CANCELED -> "canceled";
      default -> error != null ? error
          : lastStatusText.isBlank() ? "remote agent ended the task " + status : lastStatusText;
    };
    Map<String, String> metadata = new HashMap<>();
    metadata.put(RemoteAgent.PEER, settings.transport().peer());
    if (remoteTaskId != null) {
      metadata.put(RemoteAgent.REMOTE_TASK_ID, remoteTaskId);
    }
    if (remoteContextId != null) {
      metadata.put(RemoteAgent.REMOTE_CONTEXT_ID, remoteContextId);
    }
    SwarmException cause = failure;
    if (cause != null) {
      metadata.put(TaskResult.RETRIABLE, Boolean.toString(cause.isRetriable()));
      if (cause instanceof A2aFailure a2a) {
        metadata.put(RemoteAgent.ERROR_CODE, Integer.toString(a2a.code()));
      }
    }
    Duration latency = Duration.between(startedAt, now());
    return new TaskResult(
        task.id(), status, output, why, latency.isNegative() ? Duration.ZERO : latency, 0, metadata);
  }

  private String artifactText() {
    return String.join("\n", artifacts.values());
  }

  private void emit(TaskUpdate update) {
    try {
      listener.onUpdate(update);
    } catch (RuntimeException e) {
      LOG.warn("Task update listener threw on {} for task {}; the update is dropped. Listeners must not throw.",
          update.getClass().getSimpleName(), task.id(), e);
    }
  }

  private Instant now() {
    return settings.clock().instant();
  }

  /** The SwarmException behind a failed future; anything else is wrapped with what failed. */
  private SwarmException unwrap(Throwable error) {
    Throwable cause = error;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof SwarmException swarm) {
      return swarm;
    }
    String what = "A2A call to " + settings.transport().peer() + " for task " + task.id() + " failed: " + cause;
    return cause instanceof RuntimeException
        ? new SwarmException.Permanent(what, cause)
        : new SwarmException.Retriable(what, cause);
  }

  @Override
  public TaskId taskId() {
    return task.id();
  }

  @Override
  public CompletableFuture<TaskResult> result() {
    return result;
  }

  @Override
  public synchronized Optional<String> remoteTaskId() {
    return Optional.ofNullable(remoteTaskId);
  }

  @Override
  public synchronized Optional<SwarmException> failure() {
    return Optional.ofNullable(failure);
  }

  /** Stream observer bound to this run. */
  private final class Events implements Transport.StreamObserver {
    @Override
    public void onResult(JsonNode event) {
      onEvent(event);
    }

    @Override
    public void onEnd() {
      synchronized (RemoteTaskRun.this) {
        if (!finished) {
          failed(new SwarmException.Retriable(
              "A2A peer " + settings.transport().peer() + " ended the stream of task " + task.id()
                  + " before it finished (last state " + lastStatus + ")"));
        }
      }
    }

    @Override
    public void onError(RuntimeException error) {
      failed(error);
    }
  }
}
