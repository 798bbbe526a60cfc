package dev.swarm.a2a.server;

import dev.swarm.api.Agent;
import dev.swarm.api.AgentCard;
import dev.swarm.api.store.TaskStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An A2A 1.0 server on Netty that exposes swarm {@link Agent}s to any A2A client: the Agent
 * Card at {@code /.well-known/agent-card.json}, JSON-RPC 2.0 at {@code /} (with SSE streaming and
 * the 0.3 method names for older clients), a WebSocket binding at {@code /a2a/ws}, and
 * {@code /healthz} and {@code /readyz} probes.
 *
 * <pre>{@code
 * try (A2aServer server = A2aServer.builder().agent(agent).port(0).bearerToken(token).build()) {
 *   int port = server.start();
 *   System.out.println("LISTENING " + port);
 *   ...
 * }
 * }</pre>
 *
 * <p>Each A2A message becomes one swarm {@code Task}: its text parts (and data parts, as JSON
 * text) are the input, its {@code contextId} the task's context, its metadata the task's metadata,
 * and a {@code "skill"} metadata entry the task's skill; the task's metadata also carries the
 * authenticated caller ({@code "a2a.principal"}) and the message id ({@code "a2a.messageId"}) for
 * the agent to use. A repeated message id from the same
 * caller returns the task the first one created and never runs the work twice. Tasks are kept in
 * memory for the server's lifetime and are visible only to the principal that created them.
 *
 * <p>Thread-safe. {@link #start()} and {@link #close()} block their caller. The agent's {@code
 * submit} is called on a Netty event loop thread (or on the I/O executor when a message registers
 * a webhook, whose host must be resolved first), so it must not block, as its contract says; its
 * updates may arrive on any thread. Webhook posts and task store writes run on the I/O executor.
 */
public final class A2aServer implements AutoCloseable {
  /** The {@code protocolBinding} URI under which the card declares the WebSocket binding. */
  public static final String WEBSOCKET_BINDING = "urn:swarm:a2a:binding:websocket:v1";

  private static final Logger LOG = LoggerFactory.getLogger(A2aServer.class);

  private final Builder config;
  private final ServerState state;
  private final EventLoopGroup group;
  private final @Nullable ExecutorService ownedExecutor;
  private final @Nullable PushNotifier notifier;
  private volatile @Nullable Channel serverChannel;
  private boolean closed;
  private volatile int boundPort;

  private A2aServer(Builder builder) {
    this.config = builder;
    AgentRouter agents = new AgentRouter(builder.agents);
    this.ownedExecutor = builder.executor == null ? Executors.newVirtualThreadPerTaskExecutor() : null;
    Executor executor = builder.executor != null ? builder.executor : ownedExecutor;
    Limits limits = new Limits(builder.maxRequestBytes, builder.maxJsonDepth, builder.maxStringLength,
        builder.maxConnections, builder.idleTimeout, builder.requestReadTimeout, builder.blockingTimeout,
        builder.keepAliveInterval, builder.shutdownGracePeriod);
    Authenticator authenticator = new Authenticator(builder.bearerTokens, builder.apiKeyHeader, builder.apiKeys);
    this.notifier = builder.pushNotifications
        ? new PushNotifier(executor, new WebhookGuard(builder.allowPrivateWebhooks), Duration.ofSeconds(10))
        : null;
    AgentCards cards = new AgentCards(authenticator, builder.pushNotifications, builder.extendedCard != null);
    TaskRegistry tasks = new TaskRegistry(builder.maxTasks);
    ServerMetrics metrics = new ServerMetrics(builder.meterRegistry);
    RpcDispatcher dispatcher = new RpcDispatcher(agents, tasks, notifier, cards, builder.extendedCard,
        builder.clock, executor, builder.blockingTimeout, metrics,
        builder.taskStore == null ? null : new TaskJournal(builder.taskStore, executor, builder.clock));
    this.state = new ServerState(limits, dispatcher, authenticator, cards, agents.card(),
        new DefaultChannelGroup(GlobalEventExecutor.INSTANCE), builder.sslContext != null,
        builder.publicBaseUrl, builder.trustForwardedHeaders);
    metrics.gauges(state, tasks);
    this.group = new MultiThreadIoEventLoopGroup(builder.ioThreads, NioIoHandler.newFactory());
  }

  /** The state the connections share; tests build pipelines on it. */
  ServerState state() {
    return state;
  }

  /** A builder; only {@link Builder#agent} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds and starts serving.
   *
   * @return the bound port (useful with port 0)
   * @throws IllegalStateException if already started or closed
   * @throws dev.swarm.api.SwarmException.Permanent if the address cannot be bound
   */
  public synchronized int start() {
    if (serverChannel != null || closed) {
      throw new IllegalStateException("server already " + (closed ? "closed" : "started"));
    }
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 1024)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new A2aChannelInitializer(state, config.sslContext));
    try {
      serverChannel = bootstrap.bind(config.host, config.port).sync().channel();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new dev.swarm.api.SwarmException.Permanent("interrupted while binding " + config.host + ":" + config.port, e);
    } catch (RuntimeException e) {
      throw new dev.swarm.api.SwarmException.Permanent("cannot bind the A2A server to " + config.host + ":" + config.port, e);
    }
    int port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
    boundPort = port;
    state.markReady(config.host + ":" + port);
    LOG.info("A2A server for agent {} listening on {}:{}", state.card.id(), config.host, port);
    return port;
  }

  /**
   * The bound port.
   *
   * @throws IllegalStateException if not started
   */
  public int port() {
    Channel channel = serverChannel;
    if (channel == null) {
      throw new IllegalStateException("server not started");
    }
    return boundPort;
  }

  /** The base URL clients use when no public one is configured: scheme, host and bound port. */
  public URI baseUrl() {
    return config.publicBaseUrl != null
        ? config.publicBaseUrl
        : URI.create((config.sslContext != null ? "https" : "http") + "://" + config.host + ":" + boundPort);
  }

  /**
   * Stops gracefully: refuses new connections and calls, lets in-flight calls and streams finish
   * for up to the grace period, then closes every connection. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    state.startDraining();
    if (serverChannel != null) {
      serverChannel.close().syncUninterruptibly();
    }
    long deadline = System.nanoTime() + config.shutdownGracePeriod.toNanos();
    while (state.inFlight.get() > 0 && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
    if (state.inFlight.get() > 0) {
      LOG.warn("A2A server closed with {} calls still running after the {} grace period; raise shutdownGracePeriod to let them finish",
          state.inFlight.get(), config.shutdownGracePeriod);
    }
    state.channels.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    if (notifier != null) {
      notifier.close();
    }
    if (ownedExecutor != null) {
      ownedExecutor.shutdown();
    }
  }

  /** Configures an {@link A2aServer}; every setting rejects bad values naming the setting. */
  public static final class Builder {
    private final List<Agent> agents = new ArrayList<>();
    private @Nullable AgentCard extendedCard;
    private String host = "127.0.0.1";
    private int port = 0;
    private @Nullable URI publicBaseUrl;
    private boolean trustForwardedHeaders;
    private final Map<String, String> bearerTokens = new LinkedHashMap<>();
    private @Nullable String apiKeyHeader;
    private final Map<String, String> apiKeys = new LinkedHashMap<>();
    private @Nullable SslContext sslContext;
    private boolean pushNotifications = true;
    private boolean allowPrivateWebhooks;
    private @Nullable Executor executor;
    private Clock clock = Clock.systemUTC();
    private MeterRegistry meterRegistry = new CompositeMeterRegistry();
    private @Nullable TaskStore taskStore;
    private int ioThreads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private int maxRequestBytes = 4 << 20;
    private int maxJsonDepth = 64;
    private int maxStringLength = 2 << 20;
    private int maxConnections = 10_000;
    private int maxTasks = 10_000;
    private Duration idleTimeout = Duration.ofSeconds(300);
    private Duration requestReadTimeout = Duration.ofSeconds(10);
    private Duration blockingTimeout = Duration.ofSeconds(120);
    private Duration keepAliveInterval = Duration.ofSeconds(15);
    private Duration shutdownGracePeriod = Duration.ofSeconds(10);

    private Builder() {}

    /**
     * An agent to expose (at least one is required). With several, a task goes to the least
     * loaded agent with its skill (any agent when it names none), and the card lists every skill
     * under the first agent's id, name and version.
     */
    public Builder agent(Agent agent) {
      agents.add(Objects.requireNonNull(agent, "agent must not be null"));
      return this;
    }

    /** A richer card served by GetExtendedAgentCard to authenticated callers (default: none). */
    public Builder extendedCard(AgentCard card) {
      this.extendedCard = Objects.requireNonNull(card, "extendedCard must not be null");
      return this;
    }

    /** The address to bind (default 127.0.0.1; use 0.0.0.0 for every interface). */
    public Builder host(String host) {
      Objects.requireNonNull(host, "host must not be null");
      if (host.isBlank()) {
        throw new IllegalArgumentException("host must not be blank");
      }
      this.host = host;
      return this;
    }

    /** The port to bind; 0 picks a free one (default 0). */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be in [0, 65535] but was " + port);
      }
      this.port = port;
      return this;
    }

    /** The URL clients reach the server under, for the card (default: from the request's Host). */
    public Builder publicBaseUrl(URI url) {
      Objects.requireNonNull(url, "publicBaseUrl must not be null");
      if (url.getScheme() == null || url.getHost() == null || url.getQuery() != null || url.getFragment() != null) {
        throw new IllegalArgumentException("publicBaseUrl must be an absolute http(s) URL without query or fragment but was " + url);
      }
      String text = url.toString();
      this.publicBaseUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
      return this;
    }

    /** Whether to build card URLs from {@code X-Forwarded-*} headers; only behind a trusted proxy (default false). */
    public Builder trustForwardedHeaders(boolean trust) {
      this.trustForwardedHeaders = trust;
      return this;
    }

    /** Requires {@code Authorization: Bearer <token>}; tasks belong to principal {@code "bearer"}. */
    public Builder bearerToken(String token) {
      return bearerToken(token, "bearer");
    }

    /** Accepts this bearer token as {@code principal}; call once per caller to keep their tasks apart. */
    public Builder bearerToken(String token, String principal) {
      bearerTokens.put(secret(token, "bearerToken"), secret(principal, "principal"));
      return this;
    }

    /** Accepts {@code key} in header {@code headerName} as {@code principal}; one header name per server. */
    public Builder apiKey(String headerName, String key, String principal) {
      secret(headerName, "apiKey headerName");
      if (apiKeyHeader != null && !apiKeyHeader.equalsIgnoreCase(headerName)) {
        throw new IllegalArgumentException("apiKey headerName must be " + apiKeyHeader + " like the earlier keys but was " + headerName);
      }
      apiKeyHeader = headerName;
      apiKeys.put(secret(key, "apiKey"), secret(principal, "principal"));
      return this;
    }

    private static String secret(String value, String setting) {
      Objects.requireNonNull(value, () -> setting + " must not be null");
      if (value.isBlank()) {
        throw new IllegalArgumentException(setting + " must not be blank");
      }
      return value;
    }

    /** Serves HTTPS and WSS with this context (default: plain text). */
    public Builder sslContext(SslContext sslContext) {
      Objects.requireNonNull(sslContext, "sslContext must not be null");
      if (!sslContext.isServer()) {
        throw new IllegalArgumentException("sslContext must be a server context but was a client context");
      }
      this.sslContext = sslContext;
      return this;
    }

    /** Whether clients may register webhooks (default true). */
    public Builder pushNotifications(boolean enabled) {
      this.pushNotifications = enabled;
      return this;
    }

    /** Whether webhooks may target loopback and private addresses; for tests and closed networks (default false). */
    public Builder allowPrivateWebhooks(boolean allow) {
      this.allowPrivateWebhooks = allow;
      return this;
    }

    /** Runs webhook deliveries and host-name checks (default: a virtual thread per task). */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor must not be null");
      return this;
    }

    /** Stamps task timestamps and the card's Last-Modified (default: the UTC system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock must not be null");
      return this;
    }

    /** Where the server's meters go: call timers by method and outcome, connection, in-flight and task gauges (default: nowhere). */
    public Builder meterRegistry(MeterRegistry registry) {
      this.meterRegistry = Objects.requireNonNull(registry, "meterRegistry must not be null");
      return this;
    }

    /**
     * Also writes every task's life to {@code store} (from the I/O executor, in order per task), and
     * answers GetTask from it for tasks no longer in memory, such as after a restart (default: none).
     */
    public Builder taskStore(TaskStore store) {
      this.taskStore = Objects.requireNonNull(store, "taskStore must not be null");
      return this;
    }

    /** Netty event loop threads (default: one per core). */
    public Builder ioThreads(int threads) {
      this.ioThreads = positive(threads, "ioThreads");
      return this;
    }

    /** The largest request body or WebSocket message in bytes (default 4 MiB). */
    public Builder maxRequestBytes(int bytes) {
      this.maxRequestBytes = positive(bytes, "maxRequestBytes");
      return this;
    }

    /** The deepest JSON nesting accepted (default 64). */
    public Builder maxJsonDepth(int depth) {
      this.maxJsonDepth = positive(depth, "maxJsonDepth");
      return this;
    }

    /** The longest JSON string accepted, in characters (default 2 Mi). */
    public Builder maxStringLength(int length) {
      this.maxStringLength = positive(length, "maxStringLength");
      return this;
    }

    /** The most open connections (default 10,000). */
    public Builder maxConnections(int connections) {
      this.maxConnections = positive(connections, "maxConnections");
      return this;
    }

    /**
     * The most tasks remembered for GetTask, ListTasks and idempotent resends (default 10,000);
     * beyond it the oldest finished tasks are forgotten.
     */
    public Builder maxTasks(int tasks) {
      this.maxTasks = positive(tasks, "maxTasks");
      return this;
    }

    /** Closes connections with no traffic for this long; must exceed blockingTimeout and keepAliveInterval (default 300 s). */
    public Builder idleTimeout(Duration timeout) {
      this.idleTimeout = positive(timeout, "idleTimeout");
      return this;
    }

    /** A request must arrive completely within this time of its first byte (default 10 s). */
    public Builder requestReadTimeout(Duration timeout) {
      this.requestReadTimeout = positive(timeout, "requestReadTimeout");
      return this;
    }

    /** The longest a blocking SendMessage or a CancelTask waits before answering with the task as it is (default 120 s). */
    public Builder blockingTimeout(Duration timeout) {
      this.blockingTimeout = positive(timeout, "blockingTimeout");
      return this;
    }

    /** How often an idle SSE stream gets a keep-alive comment (default 15 s). */
    public Builder keepAliveInterval(Duration interval) {
      this.keepAliveInterval = positive(interval, "keepAliveInterval");
      return this;
    }

    /** How long {@link A2aServer#close()} lets in-flight calls finish (default 10 s). */
    public Builder shutdownGracePeriod(Duration period) {
      Objects.requireNonNull(period, "shutdownGracePeriod must not be null");
      if (period.isNegative()) {
        throw new IllegalArgumentException("shutdownGracePeriod must not be negative but was " + period);
      }
      this.shutdownGracePeriod = period;
      return this;
    }

    private static int positive(int value, String setting) {
      if (value < 1) {
        throw new IllegalArgumentException(setting + " must be > 0 but was " + value);
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

    /**
     * Builds the server without binding it.
     *
     * @throws IllegalStateException if no agent was set
     */
    public A2aServer build() {
      if (agents.isEmpty()) {
        throw new IllegalStateException("an agent must be set before build()");
      }
      // A connection waiting quietly for a blocking answer must not be closed as idle first.
      if (idleTimeout.compareTo(blockingTimeout) <= 0 || idleTimeout.compareTo(keepAliveInterval) <= 0) {
        throw new IllegalArgumentException("idleTimeout must exceed blockingTimeout and keepAliveInterval but was "
            + idleTimeout + " with blockingTimeout " + blockingTimeout + " and keepAliveInterval " + keepAliveInterval);
      }
      return new A2aServer(this);
    }
  }
}
