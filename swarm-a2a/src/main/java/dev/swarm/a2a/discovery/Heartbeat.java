package dev.swarm.a2a.discovery;

import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker's side of {@link Membership}: joins the orchestrator's {@link MembershipServer}, beats
 * every interval, joins again when the orchestrator has forgotten it (a restart, an eviction), and
 * leaves on {@link #close()}.
 *
 * <pre>{@code
 * Heartbeat heartbeat = Heartbeat.builder()
 *     .orchestrator(URI.create("http://orchestrator:7070"))
 *     .self(new Peer("worker-1", URI.create("http://10.0.0.7:8080/.well-known/agent-card.json")))
 *     .build();
 * heartbeat.start();
 * }</pre>
 */
public final class Heartbeat implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);

  /** What one beat achieved. */
  public enum Outcome {
    /** The orchestrator admitted (or re-admitted) this worker. */
    JOINED,
    /** The orchestrator recorded the beat. */
    BEAT,
    /** The orchestrator could not be reached or refused; the next beat tries again. */
    FAILED
  }

  private final URI members;
  private final Peer self;
  private final Duration interval;
  private final @Nullable String authorization;
  private final HttpClient http;
  private final @Nullable ExecutorService ownedExecutor;
  private @Nullable ScheduledExecutorService scheduler;
  private boolean joined;
  private boolean closed;

  private Heartbeat(Builder builder) {
    String base = Objects.requireNonNull(builder.orchestrator, "orchestrator must be set").toString();
    this.members = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/swarm/members");
    this.self = Objects.requireNonNull(builder.self, "self must be set");
    this.interval = builder.interval;
    this.authorization = builder.bearerToken == null ? null : "Bearer " + builder.bearerToken;
    this.ownedExecutor = builder.executor == null ? Executors.newVirtualThreadPerTaskExecutor() : null;
    Executor executor = builder.executor != null ? builder.executor : Objects.requireNonNull(ownedExecutor);
    this.http = HttpClient.newBuilder().executor(executor).connectTimeout(builder.timeout).build();
  }

  /** A builder; {@code orchestrator} and {@code self} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Sends one beat now, on the caller's thread: joins first if not joined, and joins again if the
   * orchestrator answers that it does not know this worker.
   */
  public synchronized Outcome beatNow() {
    if (closed) {
      throw new IllegalStateException("heartbeat is closed");
    }
    try {
      if (joined) {
        int status = send(request(members.resolve("members/" + encode(self.id()) + "/heartbeat"))
            .POST(HttpRequest.BodyPublishers.noBody()));
        if (status == 204) {
          return Outcome.BEAT;
        }
        if (status != 404) {
          LOG.warn("Orchestrator at {} answered heartbeat of {} with HTTP {}; retrying next beat", members, self.id(), status);
          return Outcome.FAILED;
        }
        LOG.info("Orchestrator at {} forgot worker {}; joining again", members, self.id());
        joined = false;
      }
      String body = "{\"id\":" + quote(self.id()) + ",\"cardUrl\":" + quote(self.cardUrl().toString()) + "}";
      int status = send(request(members)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)));
      if (status == 200) {
        joined = true;
        return Outcome.JOINED;
      }
      LOG.warn("Orchestrator at {} refused worker {} with HTTP {}; check the id is unique and the token matches",
          members, self.id(), status);
      return Outcome.FAILED;
    } catch (IOException e) {
      LOG.warn("Orchestrator at {} unreachable for worker {}: {}; retrying next beat", members, self.id(), e.toString());
      return Outcome.FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.FAILED;
    }
  }

  private HttpRequest.Builder request(URI uri) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(interval);
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  private int send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /**
   * Beats now and then every interval on a daemon scheduler thread.
   *
   * @throws IllegalStateException if already started or closed
   */
  public synchronized void start() {
    if (closed || scheduler != null) {
      throw new IllegalStateException("heartbeat already " + (closed ? "closed" : "started"));
    }
    ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "swarm-heartbeat-" + self.id());
      thread.setDaemon(true);
      return thread;
    });
    started.scheduleWithFixedDelay(this::beatNow, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    scheduler = started;
  }

  /** Stops beating and tells the orchestrator this worker leaves, best effort. Idempotent. */
  @Override
  public void close() {
    ScheduledExecutorService running;
    boolean wasJoined;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      running = scheduler;
      wasJoined = joined;
    }
    if (running != null) {
      running.shutdownNow();
    }
    if (wasJoined) {
      try {
        send(request(members.resolve("members/" + encode(self.id()))).DELETE());
      } catch (IOException e) {
        LOG.info("Could not tell {} that worker {} leaves ({}); it will be evicted when its beats stop", members, self.id(), e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    http.shutdownNow();
    if (ownedExecutor != null) {
      ownedExecutor.shutdownNow();
    }
  }

  private static String encode(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String quote(String text) {
    return new TextNode(text).toString();
  }

  /** Configures a {@link Heartbeat}. */
  public static final class Builder {
    private @Nullable URI orchestrator;
    private @Nullable Peer self;
    private Duration interval = Duration.ofSeconds(5);
    private Duration timeout = Duration.ofSeconds(2);
    private @Nullable String bearerToken;
    private @Nullable Executor executor;

    private Builder() {}

    /** The orchestrator's membership endpoint origin, e.g. {@code http://orchestrator:7070}. */
    public Builder orchestrator(URI orchestrator) {
      this.orchestrator = Objects.requireNonNull(orchestrator, "orchestrator must not be null");
      return this;
    }

    /** This worker as peers should reach it. */
    public Builder self(Peer self) {
      this.self = Objects.requireNonNull(self, "self must not be null");
      return this;
    }

    /** How often to beat (default 5 s); match the membership's heartbeat interval. */
    public Builder interval(Duration interval) {
      this.interval = positive(interval, "interval");
      return this;
    }

    /** The connect timeout towards the orchestrator (default 2 s). */
    public Builder timeout(Duration timeout) {
      this.timeout = positive(timeout, "timeout");
      return this;
    }

    /** The orchestrator's membership token, if it requires one. */
    public Builder bearerToken(String token) {
      Objects.requireNonNull(token, "bearerToken must not be null");
      if (token.isBlank()) {
        throw new IllegalArgumentException("bearerToken must not be blank");
      }
      this.bearerToken = token;
      return this;
    }

    /** Runs the HTTP client (default: virtual threads, owned). */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor must not be null");
      return this;
    }

    /**
     * Builds the heartbeat; nothing is sent until {@link Heartbeat#start()} or {@link
     * Heartbeat#beatNow()}.
     *
     * @throws NullPointerException if orchestrator or self is not set
     */
    public Heartbeat build() {
      return new Heartbeat(this);
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
