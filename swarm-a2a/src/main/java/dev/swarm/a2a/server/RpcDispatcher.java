package dev.swarm.a2a.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarm.a2a.server.JsonRpc.Call;
import dev.swarm.a2a.server.ProtocolJson.Incoming;
import dev.swarm.a2a.server.TaskModel.Message;
import dev.swarm.a2a.server.TaskModel.Part;
import dev.swarm.a2a.server.TaskModel.TaskView;
import dev.swarm.api.Agent;
import dev.swarm.api.AgentCard;
import dev.swarm.api.ContextId;
import dev.swarm.api.SwarmException;
import dev.swarm.api.Task;
import dev.swarm.api.TaskId;
import dev.swarm.api.TaskStatus;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out A2A calls against one swarm {@link Agent}, independent of the transport that
 * brought them. Called on Netty event loops, so nothing here blocks: waits are futures, and host
 * name checks for webhooks run on the I/O executor.
 */
final class RpcDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(RpcDispatcher.class);
  private static final int DEFAULT_PAGE_SIZE = 50;
  /** Message metadata a swarm caller sends with its task's correlation id. */
  static final String CORRELATION_ID = "correlationId";

  /** Who is calling, and the public base URL they reached the server under (computed on demand). */
  record Caller(String principal, Supplier<URI> baseUrl) {}

  /** What a call produced: one answer, or a stream of a task's events. */
  sealed interface Outcome permits Reply, Stream {}

  /** One JSON-RPC result. */
  record Reply(JsonNode result) implements Outcome {}

  /**
   * A stream of {@code entry}'s events: the transport subscribes first, then runs {@code start},
   * so the stream sees every event from the task's first on.
   */
  record Stream(TaskEntry entry, Dialect dialect, Runnable start) implements Outcome {}

  private final AgentRouter agents;
  private final TaskRegistry registry;
  private final @Nullable PushNotifier notifier;
  private final AgentCards cards;
  private final @Nullable AgentCard extendedCard;
  private final Clock clock;
  private final Executor executor;
  private final Duration blockingTimeout;
  private final ServerMetrics metrics;
  private final RandomIds ids = new RandomIds();
  private final @Nullable TaskJournal journal;

  RpcDispatcher(AgentRouter agents, TaskRegistry registry, @Nullable PushNotifier notifier, AgentCards cards,
      @Nullable AgentCard extendedCard, Clock clock, Executor executor, Duration blockingTimeout, ServerMetrics metrics,
      @Nullable TaskJournal journal) {
    this.metrics = metrics;
    this.journal = journal;
    this.agents = agents;
    this.registry = registry;
    this.notifier = notifier;
    this.cards = cards;
    this.extendedCard = extendedCard;
    this.clock = clock;
    this.executor = executor;
    this.blockingTimeout = blockingTimeout;
  }

  Clock clock() {
    return clock;
  }

  /** Carries out one call; fails with an {@link RpcError} for every protocol-level error. */
  CompletableFuture<Outcome> dispatch(Call call, Caller caller) {
    Timer.Sample sample = metrics.start();
    CompletableFuture<Outcome> outcome = run(call, caller);
    outcome.whenComplete((done, failure) -> metrics.record(sample, call.method(), failure == null ? null : unwrapQuietly(failure)));
    return outcome;
  }

  private CompletableFuture<Outcome> run(Call call, Caller caller) {
    try {
      return switch (call.method()) {
        case SEND, STREAM -> send(call, caller);
        case GET -> get(call, caller);
        case LIST -> reply(list(call, caller));
        case CANCEL -> cancel(call, caller);
        case SUBSCRIBE -> subscribe(call, caller);
        case PUSH_CREATE -> createPushConfig(call, caller);
        case PUSH_GET -> reply(getPushConfig(call, caller));
        case PUSH_LIST -> reply(listPushConfigs(call, caller));
        case PUSH_DELETE -> reply(deletePushConfig(call, caller));
        case EXTENDED_CARD -> reply(extendedCard(caller));
      };
    } catch (RpcError e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static CompletableFuture<Outcome> reply(JsonNode result) {
    return CompletableFuture.completedFuture(new Reply(result));
  }

  // ---- SendMessage / SendStreamingMessage ----

  private CompletableFuture<Outcome> send(Call call, Caller caller) {
    Incoming incoming = ProtocolJson.incoming(call.params());
    JsonNode configuration = call.params().path("configuration");
    if (incoming.taskId() != null) {
      TaskEntry existing = registry.require(incoming.taskId(), caller.principal());
      throw new RpcError(RpcError.Code.UNSUPPORTED_OPERATION,
          "Task " + existing.id + " is " + existing.status()
              + "; this agent takes no follow-up messages on a task, send a new message without taskId",
          existing.id.value());
    }
    if (incoming.contextId() != null && incoming.contextId().length() > TaskId.MAX_LENGTH) {
      throw RpcError.invalidParams("message.contextId must be at most " + TaskId.MAX_LENGTH + " characters but was " + incoming.contextId().length());
    }
    Agent agent = agents.route(skill(incoming));
    String input = incoming.parts().stream().map(Part::asText).collect(Collectors.joining("\n"));
    if (input.isBlank()) {
      throw RpcError.invalidParams("message.parts carry no text for the agent to work on");
    }
    if (input.length() > Task.MAX_INPUT_LENGTH) {
      throw RpcError.invalidParams("message text must be at most " + Task.MAX_INPUT_LENGTH + " characters but was " + input.length());
    }
    // Everything the call can be refused for is checked before a task exists.
    int historyLength = ProtocolJson.optionalInt(configuration, "historyLength", -1);
    boolean returnImmediately = configuration.path("returnImmediately").asBoolean(false)
        || configuration.has("blocking") && !configuration.path("blocking").asBoolean(true);
    JsonNode inlinePush = configuration.path(call.dialect() == Dialect.V1_0 ? "taskPushNotificationConfig" : "pushNotificationConfig");
    CompletableFuture<@Nullable PushConfig> push = inlinePush.isObject()
        ? checkedPushConfig(call.dialect() == Dialect.V0_3 ? wrap03(inlinePush) : inlinePush, call.dialect(), "pending")
        : CompletableFuture.completedFuture(null);
    return push.thenCompose(config -> {
      TaskEntry entry = admit(incoming, caller);
      if (config != null && entry.pushConfigs().isEmpty()) {
        entry.putPushConfig(config.forTask(entry.id.value()), requireNotifier());
      }
      Runnable start = () -> start(agent, entry, incoming, input, caller);
      if (call.method() == JsonRpc.Method.STREAM) {
        return CompletableFuture.completedFuture(new Stream(entry, call.dialect(), start));
      }
      start.run();
      if (returnImmediately) {
        return reply(ProtocolJson.sendResult(entry.view(), call.dialect(), historyLength));
      }
      // A blocking wait has a bound: past it the caller gets the task as it is and can poll or subscribe.
      return entry.settled().copy()
          .completeOnTimeout(null, blockingTimeout.toMillis(), TimeUnit.MILLISECONDS)
          .thenApply(view -> new Reply(ProtocolJson.sendResult(view != null ? view : entry.view(), call.dialect(), historyLength)));
    });
  }

  private static ObjectNode wrap03(JsonNode config) {
    ObjectNode params = ProtocolJson.NODES.objectNode();
    params.set("pushNotificationConfig", config);
    return params;
  }

  private TaskEntry admit(Incoming incoming, Caller caller) {
    return registry.admit(caller.principal(), incoming.messageId(), () -> {
      TaskId id = TaskId.of(ids.next());
      ContextId contextId = ContextId.of(incoming.contextId() != null ? incoming.contextId() : ids.next());
      Message request = new Message(incoming.messageId(), false, incoming.parts(), id, contextId);
      return new TaskEntry(id, contextId, caller.principal(), request, incoming.metadata(), clock);
    });
  }

  /** Hands the task to the agent once, however many duplicate requests reach this point. */
  private void start(Agent agent, TaskEntry entry, Incoming incoming, String input, Caller caller) {
    if (!entry.claimStart()) {
      return;
    }
    Task.Builder builder = Task.builder(input)
        .id(entry.id)
        .contextId(entry.contextId)
        .skill(skill(incoming))
        .metadata(incoming.metadata())
        .metadata(TaskJournal.PRINCIPAL, caller.principal())
        .metadata(TaskJournal.MESSAGE_ID, incoming.messageId());
    String correlationId = incoming.metadata().get(CORRELATION_ID);
    // The caller's correlation id, so both sides' logs of this task line up; else a fresh one.
    builder.correlationId(correlationId != null && !correlationId.isBlank() ? correlationId : ids.next());
    Task task = builder.build();
    if (journal != null) {
      entry.journal(journal.open(task, entry.createdAt));
    }
    try {
      entry.attach(agent.submit(task, entry::onUpdate));
    } catch (SwarmException e) {
      LOG.warn("Agent {} refused task {}: {}", agent.id(), entry.id, e.getMessage());
      entry.reject(e.getMessage());
    }
  }

  private static @Nullable String skill(Incoming incoming) {
    String skill = incoming.metadata().get("skill");
    return skill == null || skill.isBlank() ? null : skill;
  }

  // ---- GetTask / ListTasks / CancelTask / SubscribeToTask ----

  private CompletableFuture<Outcome> get(Call call, Caller caller) {
    String id = ProtocolJson.requiredText(call.params(), "id");
    int historyLength = ProtocolJson.optionalInt(call.params(), "historyLength", -1);
    if (historyLength < -1) {
      throw RpcError.invalidParams("historyLength must not be negative but was " + historyLength);
    }
    Optional<TaskEntry> entry = registry.find(id, caller.principal());
    if (entry.isPresent() || journal == null) {
      TaskView view = entry.orElseThrow(() -> RpcError.taskNotFound(id)).view();
      return reply(ProtocolJson.task(view, call.dialect(), historyLength, true));
    }
    // Not in memory (evicted, or from before a restart): ask the store, off the event loop.
    return CompletableFuture.supplyAsync(() -> journal.recall(id, caller.principal())
        .map(view -> (Outcome) new Reply(ProtocolJson.task(view, call.dialect(), historyLength, true)))
        .orElseThrow(() -> RpcError.taskNotFound(id)), journal.executor());
  }

  private JsonNode list(Call call, Caller caller) {
    JsonNode params = call.params();
    int pageSize = ProtocolJson.optionalInt(params, "pageSize", DEFAULT_PAGE_SIZE);
    if (pageSize < 1 || pageSize > 100) {
      throw RpcError.invalidParams("pageSize must be in [1, 100] but was " + pageSize);
    }
    String contextId = ProtocolJson.optionalText(params, "contextId");
    String status = ProtocolJson.optionalText(params, "status");
    String after = ProtocolJson.optionalText(params, "statusTimestampAfter");
    Instant statusAfter;
    try {
      statusAfter = after == null ? null : Instant.parse(after);
    } catch (DateTimeParseException e) {
      throw RpcError.invalidParams("statusTimestampAfter must be an ISO-8601 UTC timestamp but was " + after);
    }
    TaskRegistry.Filter filter = new TaskRegistry.Filter(
        contextId == null ? null : ContextId.of(contextId),
        status == null || status.equals("TASK_STATE_UNSPECIFIED") ? null : ProtocolJson.parseState(status),
        statusAfter);
    TaskRegistry.Page page = registry.list(caller.principal(), filter, pageSize, ProtocolJson.optionalText(params, "pageToken"));
    int historyLength = ProtocolJson.optionalInt(params, "historyLength", 0);
    boolean artifacts = params.path("includeArtifacts").asBoolean(false);
    ObjectNode result = ProtocolJson.NODES.objectNode();
    ArrayNode tasks = result.putArray("tasks");
    page.entries().forEach(e -> tasks.add(ProtocolJson.task(e.view(), Dialect.V1_0, historyLength, artifacts)));
    result.put("nextPageToken", page.nextPageToken() == null ? "" : page.nextPageToken());
    result.put("pageSize", pageSize);
    result.put("totalSize", page.totalSize());
    return result;
  }

  private CompletableFuture<Outcome> cancel(Call call, Caller caller) {
    TaskEntry entry = registry.require(ProtocolJson.requiredText(call.params(), "id"), caller.principal());
    TaskStatus status = entry.status();
    if (status.isTerminal()) {
      return status == TaskStatus.CANCELED ? reply(ProtocolJson.task(entry.view(), call.dialect(), -1, true)) : notCancelable(entry, status);
    }
    if (status.isInterrupted()) {
      entry.cancelInterrupted();
    } else {
      entry.cancel();
    }
    return entry.terminal().copy()
        .completeOnTimeout(null, blockingTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .thenCompose(view -> {
          TaskStatus now = entry.status();
          return now == TaskStatus.CANCELED
              ? reply(ProtocolJson.task(entry.view(), call.dialect(), -1, true))
              : notCancelable(entry, now);
        });
  }

  private static CompletableFuture<Outcome> notCancelable(TaskEntry entry, TaskStatus status) {
    return CompletableFuture.failedFuture(new RpcError(RpcError.Code.TASK_NOT_CANCELABLE,
        "Task " + entry.id + " is " + status + " and can no longer be canceled", entry.id.value()));
  }

  private CompletableFuture<Outcome> subscribe(Call call, Caller caller) {
    TaskEntry entry = registry.require(ProtocolJson.requiredText(call.params(), "id"), caller.principal());
    TaskStatus status = entry.status();
    if (status.isTerminal()) {
      throw new RpcError(RpcError.Code.UNSUPPORTED_OPERATION,
          "Task " + entry.id + " is already " + status + "; read it with GetTask", entry.id.value());
    }
    return CompletableFuture.completedFuture(new Stream(entry, call.dialect(), () -> {}));
  }

  // ---- push notification configs ----

  private PushNotifier requireNotifier() {
    if (notifier == null) {
      throw new RpcError(RpcError.Code.PUSH_NOTIFICATION_NOT_SUPPORTED, "Push notifications are not supported by this agent");
    }
    return notifier;
  }

  /** Parses a config and checks its URL against SSRF on the I/O executor (it resolves names). */
  private CompletableFuture<@Nullable PushConfig> checkedPushConfig(JsonNode params, Dialect dialect, String taskId) {
    PushNotifier push = requireNotifier();
    PushConfig config = PushConfig.parse(params, dialect, taskId);
    return CompletableFuture.supplyAsync(() -> {
      push.guard().check(config.url());
      return config;
    }, executor);
  }

  private String pushTaskId(Call call) {
    return ProtocolJson.requiredText(call.params(), call.dialect() == Dialect.V1_0 ? "taskId" : call.method() == JsonRpc.Method.PUSH_CREATE ? "taskId" : "id");
  }

  private CompletableFuture<Outcome> createPushConfig(Call call, Caller caller) {
    PushNotifier push = requireNotifier();
    TaskEntry entry = registry.require(pushTaskId(call), caller.principal());
    return checkedPushConfig(call.params(), call.dialect(), entry.id.value()).thenApply(config -> {
      entry.putPushConfig(config, push);
      return new Reply(config.render(call.dialect()));
    });
  }

  private String configId(Call call) {
    return ProtocolJson.requiredText(call.params(), call.dialect() == Dialect.V1_0 ? "id" : "pushNotificationConfigId");
  }

  private JsonNode getPushConfig(Call call, Caller caller) {
    requireNotifier();
    TaskEntry entry = registry.require(pushTaskId(call), caller.principal());
    String configId = configId(call);
    return entry.pushConfig(configId)
        .orElseThrow(() -> new RpcError(RpcError.Code.TASK_NOT_FOUND,
            "Push notification config " + configId + " not found for task " + entry.id, entry.id.value()))
        .render(call.dialect());
  }

  private JsonNode listPushConfigs(Call call, Caller caller) {
    requireNotifier();
    TaskEntry entry = registry.require(pushTaskId(call), caller.principal());
    List<PushConfig> configs = entry.pushConfigs();
    ArrayNode array = ProtocolJson.NODES.arrayNode();
    configs.forEach(c -> array.add(c.render(call.dialect())));
    if (call.dialect() == Dialect.V0_3) {
      return array;
    }
    ObjectNode result = ProtocolJson.NODES.objectNode();
    result.set("configs", array);
    result.put("nextPageToken", "");
    return result;
  }

  private JsonNode deletePushConfig(Call call, Caller caller) {
    requireNotifier();
    TaskEntry entry = registry.require(pushTaskId(call), caller.principal());
    entry.deletePushConfig(configId(call));
    return NullNode.getInstance();
  }

  private JsonNode extendedCard(Caller caller) {
    if (extendedCard == null) {
      throw new RpcError(RpcError.Code.EXTENDED_AGENT_CARD_NOT_CONFIGURED, "This agent has no extended agent card");
    }
    return cards.render(extendedCard, caller.baseUrl().get());
  }

  /** Unwraps the failure of a dispatch future to the RpcError it carries, or an internal error (logged). */
  static RpcError unwrap(Throwable failure) {
    RpcError error = unwrapQuietly(failure);
    if (error.code == RpcError.Code.INTERNAL) {
      LOG.warn("Internal error while serving an A2A call; answering -32603", failure);
    }
    return error;
  }

  private static RpcError unwrapQuietly(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    return cause instanceof RpcError rpc
        ? rpc
        : new RpcError(RpcError.Code.INTERNAL, "Internal error: " + cause.getClass().getSimpleName());
  }
}
