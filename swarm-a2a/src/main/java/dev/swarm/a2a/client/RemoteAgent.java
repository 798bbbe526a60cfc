package dev.swarm.a2a.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swarm.api.TaskResult;
import dev.swarm.api.Agent;
import dev.swarm.api.AgentCard;
import dev.swarm.api.AgentRole;
import dev.swarm.api.SwarmException;
import dev.swarm.api.Task;
import dev.swarm.api.TaskUpdateListener;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * An agent in another process, reached over A2A 1.0, that an orchestrator uses like any local
 * {@link Agent}. It works with any A2A 1.0 server: swarm's own, or one written with another SDK.
 *
 * <pre>{@code
 * try (RemoteAgent worker = RemoteAgent.builder()
 *     .baseUrl(URI.create("http://10.0.0.7:8080"))
 *     .bearerToken(token)
 *     .timeout(Duration.ofSeconds(30))
 *     .build()) {
 *   TaskResult result = worker.submit(Task.of("Summarise the Q3 report"), updates::add).result().join();
 * }
 * }</pre>
 *
 * <p>{@link Builder#build()} fetches the Agent Card and picks the first interface in the card's
 * order that the client speaks: JSON-RPC over pooled keep-alive HTTP/1.1, or swarm's WebSocket
 * binding. Tasks stream over SSE (or the socket) when the card declares streaming, else use a
 * blocking SendMessage, polling GetTask if the peer answers before the task has ended.
 *
 * <p>How failures surface: {@link #submit} never blocks on the network and throws only for a
 * closed agent or one at {@link #maxLoad()}. A task whose peer is unreachable, dies mid-task or
 * times out ends FAILED with metadata {@link TaskResult#RETRIABLE} = {@code "true"} and {@link
 * RemoteTaskHandle#failure()} set, after up to {@code maxRetries} retries that resend the same
 * message id (the task id) or, once the peer has named the task, resubscribe to it instead of
 * sending it again. A JSON-RPC error ends the task FAILED with {@link #ERROR_CODE} and a typed
 * {@link A2aFailure}.
 *
 * <p>Thread-safe. The listener passed to {@link #submit} is called on the client's executor
 * threads, one update at a time per task.
 */
public final class RemoteAgent implements Agent, AutoCloseable {
  /** Result metadata: the JSON-RPC error code that ended the task, if any. */
  public static final String ERROR_CODE = "a2a.errorCode";
  /** Result metadata: the id the remote agent gave the task. */
  public static final String REMOTE_TASK_ID = "a2a.taskId";
  /** Result metadata: the context id the remote agent used. */
  public static final String REMOTE_CONTEXT_ID = "a2a.contextId";
  /** Result metadata: the endpoint the task ran on. */
  public static final String PEER = "a2a.peer";

  private final RemoteCard remote;
  private final RunSettings settings;
  private final HttpClient http;
  private final @Nullable ExecutorService ownedExecutor;
  private final int maxLoad;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Set<RemoteTaskRun> running = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private RemoteAgent(
      RemoteCard remote, RunSettings settings, HttpClient http, @Nullable ExecutorService ownedExecutor, int maxLoad) {
    this.remote = remote;
    this.settings = settings;
    this.http = http;
    this.ownedExecutor = ownedExecutor;
    this.maxLoad = maxLoad;
  }

  /** A builder; {@link Builder#cardUrl} or {@link Builder#baseUrl} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The remote agent's card, mapped to swarm's: its skills, version, and the endpoint used. */
  @Override
  public AgentCard card() {
    return remote.card();
  }

  /**
   * Sends the task to the remote agent and returns at once.
   *
   * @throws IllegalStateException if this agent is closed
   * @throws SwarmException.Retriable if {@link #maxLoad()} tasks from this client are in flight
   */
  @Override
  public RemoteTaskHandle submit(Task task, TaskUpdateListener listener) {
    Objects.requireNonNull(task, "task must not be null");
    Objects.requireNonNull(listener, "listener must not be null");
    if (closed) {
      throw new IllegalStateException("RemoteAgent " + card().id() + " is closed; build a new one to submit tasks");
    }
    if (inFlight.incrementAndGet() > maxLoad) {
      inFlight.decrementAndGet();
      throw new SwarmException.Retriable("RemoteAgent " + card().id() + " already runs its maxLoad of " + maxLoad
          + " tasks; retry later or raise maxLoad");
    }
    RemoteTaskRun[] self = new RemoteTaskRun[1];
    RemoteTaskRun run = new RemoteTaskRun(task, listener, settings, () -> {
      running.remove(self[0]);
      inFlight.decrementAndGet();
    });
    self[0] = run;
    running.add(run);
    run.start();
    return run;
  }

  /** Sends the task without listening to its updates; see {@link #submit(Task, TaskUpdateListener)}. */
  @Override
  public RemoteTaskHandle submit(Task task) {
    return submit(task, TaskUpdateListener.NONE);
  }

  /** Tasks sent from this client that have not finished yet. */
  @Override
  public int currentLoad() {
    return inFlight.get();
  }

  /** The most tasks this client sends at once, as configured. */
  @Override
  public int maxLoad() {
    return maxLoad;
  }

  /** Whether tasks stream (SSE or WebSocket) rather than use a blocking SendMessage. */
  public boolean streaming() {
    return settings.streaming();
  }

  /**
   * Closes the connection pool and any WebSocket without waiting for tasks in flight; they end
   * FAILED and marked retriable, since another agent may still run them. Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (RemoteTaskRun run : running) {
      run.abandon("RemoteAgent " + card().id() + " was closed while the task ran");
    }
    settings.transport().close();
    http.shutdownNow();
    if (ownedExecutor != null) {
      ownedExecutor.shutdown();
    }
  }

  /** Configures and builds a {@link RemoteAgent}; only the card location is required. */
  public static final class Builder {
    private static final String WELL_KNOWN_CARD = "/.well-known/agent-card.json";

    private @Nullable URI cardUrl;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Duration timeout = Duration.ofSeconds(60);
    private Duration connectTimeout = Duration.ofSeconds(5);
    private int maxRetries = 2;
    private Duration retryBackoff = Duration.ofMillis(100);
    private int maxLoad = 16;
    private @Nullable Executor executor;
    private Clock clock = Clock.systemUTC();
    private @Nullable String id;
    private AgentRole role = AgentRole.WORKER;
    private boolean preferWebSocket;

    private Builder() {}

    /** Where the Agent Card is served, for a card not at the well-known path. */
    public Builder cardUrl(URI cardUrl) {
      this.cardUrl = Objects.requireNonNull(cardUrl, "cardUrl must not be null");
      return this;
    }

    /** The agent's base URL; the card is read from {@code /.well-known/agent-card.json} under it. */
    public Builder baseUrl(URI baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl must not be null");
      String base = baseUrl.toString();
      this.cardUrl = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + WELL_KNOWN_CARD);
      return this;
    }

    /** Sends {@code Authorization: Bearer <token>} with every request, for an HTTP bearer scheme. */
    public Builder bearerToken(String token) {
      headers.put("Authorization", "Bearer " + requireText(token, "bearerToken"));
      return this;
    }

    /** Sends the API key in the named header with every request, for an apiKey scheme. */
    public Builder apiKey(String headerName, String value) {
      headers.put(requireText(headerName, "apiKey header name"), requireText(value, "apiKey value"));
      return this;
    }

    /**
     * The longest a task may take end to end, retries included (default 60 s); a task's own
     * deadline shortens it. Also bounds each HTTP request's wait for response headers.
     */
    public Builder timeout(Duration timeout) {
      this.timeout = positive(timeout, "timeout");
      return this;
    }

    /** The longest to wait for a TCP or WebSocket connection (default 5 s). */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    /** How many times a task's call is retried after a retriable failure (default 2; 0 disables). */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries must be >= 0 but was " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /** The wait before the first retry, doubling after each (default 100 ms); zero retries at once. */
    public Builder retryBackoff(Duration retryBackoff) {
      Objects.requireNonNull(retryBackoff, "retryBackoff must not be null");
      if (retryBackoff.isNegative()) {
        throw new IllegalArgumentException("retryBackoff must not be negative but was " + retryBackoff);
      }
      this.retryBackoff = retryBackoff;
      return this;
    }

    /** The most tasks sent at once (default 16); {@link #submit} refuses more. */
    public Builder maxLoad(int maxLoad) {
      if (maxLoad < 1) {
        throw new IllegalArgumentException("maxLoad must be > 0 but was " + maxLoad);
      }
      this.maxLoad = maxLoad;
      return this;
    }

    /**
     * Runs the HTTP client, stream parsing and listener calls (default: a virtual thread per task,
     * owned and shut down by {@link RemoteAgent#close()}).
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor must not be null");
      return this;
    }

    /** Times updates, latencies and task deadlines (default: the UTC system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock must not be null");
      return this;
    }

    /** The swarm agent id (default: the card's name, {@code @}, and the card URL's host:port). */
    public Builder id(String id) {
      this.id = requireText(id, "id");
      return this;
    }

    /** The part the agent plays in the swarm (default WORKER); A2A cards do not say. */
    public Builder role(AgentRole role) {
      this.role = Objects.requireNonNull(role, "role must not be null");
      return this;
    }

    /**
     * Whether a WebSocket interface on the card wins over JSON-RPC even when listed later (default
     * false: the card's order decides, as the spec asks).
     */
    public Builder preferWebSocket(boolean preferWebSocket) {
      this.preferWebSocket = preferWebSocket;
      return this;
    }

    /**
     * Fetches the Agent Card (blocking the caller) and builds the agent.
     *
     * @throws IllegalStateException if no card location was set
     * @throws SwarmException.Retriable if the card cannot be fetched now (unreachable, 5xx, 429)
     * @throws SwarmException.Permanent if the card is refused (4xx) or offers no usable interface
     */
    public RemoteAgent build() {
      URI location = cardUrl;
      if (location == null) {
        throw new IllegalStateException("set cardUrl or baseUrl before build()");
      }
      ExecutorService owned = executor == null ? Executors.newVirtualThreadPerTaskExecutor() : null;
      Executor runOn = executor != null ? executor : Objects.requireNonNull(owned);
      HttpClient http = HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(connectTimeout)
          .executor(runOn)
          .build();
      try {
        RemoteCard remote = RemoteCard.read(fetchCard(http, location), location, id, role, preferWebSocket);
        Transport transport = switch (remote.binding().kind()) {
          case JSONRPC -> new HttpTransport(http, remote.binding().url(), headers, timeout);
          case WEBSOCKET -> new WebSocketTransport(http, remote.binding().url(), headers, connectTimeout);
        };
        boolean streaming = remote.streaming() || remote.binding().kind() == RemoteCard.Kind.WEBSOCKET;
        RunSettings settings = new RunSettings(
            transport, streaming, remote.binding().tenant(), maxRetries, retryBackoff, timeout, runOn, clock);
        return new RemoteAgent(remote, settings, http, owned, maxLoad);
      } catch (RuntimeException e) {
        http.close();
        if (owned != null) {
          owned.shutdown();
        }
        throw e;
      }
    }

    private JsonNode fetchCard(HttpClient http, URI location) {
      HttpRequest.Builder request = HttpRequest.newBuilder(location)
          .timeout(timeout)
          .header("Accept", "application/json")
          .header(A2aHeaders.VERSION, A2aHeaders.PROTOCOL_VERSION)
          .GET();
      headers.forEach(request::header);
      HttpResponse<String> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new SwarmException.Retriable("cannot fetch the A2A agent card from " + location + ": " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SwarmException.Retriable("interrupted while fetching the A2A agent card from " + location, e);
      }
      int status = response.statusCode();
      if (status != 200) {
        String what = "fetching the A2A agent card from " + location + " got HTTP " + status;
        if (status >= 500 || status == 429) {
          throw new SwarmException.Retriable(what);
        }
        throw new SwarmException.Permanent(what + (status == 401 || status == 403
            ? ": credentials missing or refused; set bearerToken or apiKey" : ""));
      }
      return JsonRpc.parse(response.body(), location.toString());
    }

    private static String requireText(String value, String setting) {
      Objects.requireNonNull(value, () -> setting + " must not be null");
      if (value.isBlank()) {
        throw new IllegalArgumentException(setting + " must not be blank");
      }
      return value;
    }

    private static Duration positive(Duration value, String setting) {
      Objects.requireNonNull(value, () -> setting + " must not be null");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(setting + " must be positive but was " + value);
      }
      return value;
    }
  }
}
