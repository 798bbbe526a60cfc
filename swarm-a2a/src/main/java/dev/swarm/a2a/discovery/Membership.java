package dev.swarm.a2a.discovery;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry of peers an orchestrator runs: workers {@link #join} and {@link #heartbeat}; seeds
 * come from any other {@link PeerDiscovery}; every peer is health-checked each round. A peer is
 * evicted when it misses {@code missedBeats} heartbeats in a row or fails {@code failedChecks}
 * health checks in a row, and comes back once it beats again and its latest check passed.
 *
 * <pre>{@code
 * Membership members = Membership.builder()
 *     .seeds(StaticPeers.of(URI.create("http://10.0.0.7:8080/.well-known/agent-card.json")))
 *     .heartbeatInterval(Duration.ofSeconds(5))
 *     .build();
 * members.addListener(event -> log.info("{}", event));
 * members.start();                                  // checks every heartbeatInterval
 * MembershipServer endpoint = MembershipServer.builder(members).port(7070).build();
 * endpoint.start();                                 // where workers join and heartbeat
 * }</pre>
 *
 * <p>Thread-safe. Time is read from the injected clock only, so tests drive eviction by moving a
 * fake clock and calling {@link #checkNow()}.
 */
public final class Membership implements PeerDiscovery, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Membership.class);

  private final Duration heartbeatInterval;
  private final int missedBeats;
  private final int failedChecks;
  private final PeerHealthCheck healthCheck;
  private final Executor executor;
  private final Clock clock;
  private final @Nullable PeerDiscovery seeds;
  private final PeerListener seedListener = this::onSeedEvent;
  private final @Nullable HttpClient ownedHttp;
  private final @Nullable ExecutorService ownedExecutor;
  private final Map<String, Member> members = new LinkedHashMap<>();
  private final CopyOnWriteArraySet<PeerListener> listeners = new CopyOnWriteArraySet<>();
  private @Nullable ScheduledExecutorService scheduler;
  private boolean closed;

  private Membership(Builder builder) {
    this.heartbeatInterval = builder.heartbeatInterval;
    this.missedBeats = builder.missedBeats;
    this.failedChecks = builder.failedChecks;
    this.clock = builder.clock;
    this.ownedExecutor = builder.executor == null ? Executors.newVirtualThreadPerTaskExecutor() : null;
    this.executor = builder.executor != null ? builder.executor : Objects.requireNonNull(ownedExecutor);
    if (builder.healthCheck != null) {
      this.ownedHttp = null;
      this.healthCheck = builder.healthCheck;
    } else {
      this.ownedHttp = HttpClient.newBuilder().executor(executor).connectTimeout(builder.checkTimeout).build();
      this.healthCheck = PeerHealthCheck.http(ownedHttp, builder.checkTimeout);
    }
    this.seeds = builder.seeds;
    if (seeds != null) {
      for (Peer peer : seeds.peers()) {
        members.put(peer.id(), new Member(peer, false, clock.instant()));
      }
      seeds.addListener(seedListener);
    }
  }

  /** A builder with defaults: 5 s heartbeats, evict after 3 missed beats or 2 failed checks. */
  public static Builder builder() {
    return new Builder();
  }

  /** The live peers, in the order they first became known. */
  @Override
  public synchronized List<Peer> peers() {
    return members.values().stream().filter(m -> m.live).map(m -> m.peer).toList();
  }

  /** The peer with this id if it is live. */
  public synchronized Optional<Peer> peer(String id) {
    Member member = members.get(Objects.requireNonNull(id, "id must not be null"));
    return member != null && member.live ? Optional.of(member.peer) : Optional.empty();
  }

  @Override
  public void addListener(PeerListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
  }

  @Override
  public void removeListener(PeerListener listener) {
    listeners.remove(Objects.requireNonNull(listener, "listener must not be null"));
  }

  /**
   * Admits a worker, or refreshes it if it is already known (a restarted worker joins again). It
   * counts as a heartbeat; the worker is live at once and then must keep beating.
   *
   * @throws IllegalArgumentException if another peer already uses the id with a different card URL
   */
  public void join(Peer peer) {
    Objects.requireNonNull(peer, "peer must not be null");
    PeerEvent event;
    synchronized (this) {
      requireOpen();
      Member known = members.get(peer.id());
      if (known != null && !known.peer.cardUrl().equals(peer.cardUrl()) && known.live) {
        throw new IllegalArgumentException("peer id " + peer.id() + " is already taken by " + known.peer.cardUrl()
            + "; a worker at " + peer.cardUrl() + " must join with another id");
      }
      Member member = new Member(peer, true, clock.instant());
      members.put(peer.id(), member);
      member.live = true;
      event = known != null && known.live ? null : new PeerEvent.Joined(peer);
    }
    fire(event);
  }

  /**
   * Records a heartbeat from a joined worker; one that was evicted for silence comes back if its
   * health checks pass.
   *
   * @return false if the id is unknown, so the worker must {@link #join} again
   */
  public boolean heartbeat(String peerId) {
    Objects.requireNonNull(peerId, "peerId must not be null");
    PeerEvent event;
    synchronized (this) {
      Member member = members.get(peerId);
      if (member == null || !member.heartbeats) {
        return false;
      }
      member.lastBeat = clock.instant();
      event = reassess(member);
    }
    fire(event);
    return true;
  }

  /** Removes a worker that is shutting down; unknown ids are ignored. */
  public void leave(String peerId) {
    Objects.requireNonNull(peerId, "peerId must not be null");
    PeerEvent event = null;
    synchronized (this) {
      Member member = members.remove(peerId);
      if (member != null && member.live) {
        event = new PeerEvent.Left(member.peer, "left");
      }
    }
    fire(event);
  }

  /**
   * Runs one round: health-checks every peer concurrently on the executor, waits for all, then
   * evicts and re-admits. {@link #start()} calls it every heartbeat interval; tests call it
   * directly.
   */
  public void checkNow() {
    List<Member> round;
    synchronized (this) {
      round = List.copyOf(members.values());
    }
    List<CompletableFuture<Boolean>> checks = new ArrayList<>();
    for (Member member : round) {
      checks.add(CompletableFuture.supplyAsync(() -> healthCheck.isHealthy(member.peer), executor)
          .exceptionally(error -> {
            LOG.warn("Health check of peer {} threw {}; counting it as failed. Health checks should return false instead.",
                member.peer.id(), error.toString());
            return false;
          }));
    }
    CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).join();
    List<PeerEvent> events = new ArrayList<>();
    synchronized (this) {
      for (int i = 0; i < round.size(); i++) {
        Member member = round.get(i);
        if (members.get(member.peer.id()) != member) {
          continue; // left or re-joined while we checked
        }
        member.failures = checks.get(i).join() ? 0 : member.failures + 1;
        PeerEvent event = reassess(member);
        if (event != null) {
          events.add(event);
        }
      }
    }
    events.forEach(this::fire);
  }

  /** Whether the member should be live now; the event for a change, else null. */
  private @Nullable PeerEvent reassess(Member member) {
    Optional<String> problem = problem(member);
    if (member.live && problem.isPresent()) {
      member.live = false;
      LOG.warn("Evicted peer {} ({}): {}. It returns once it heartbeats and passes a health check; "
          + "check that the worker runs and can reach this orchestrator.", member.peer.id(), member.peer.cardUrl(), problem.get());
      return new PeerEvent.Left(member.peer, problem.get());
    }
    if (!member.live && problem.isEmpty() && member.failures == 0) {
      member.live = true;
      LOG.info("Peer {} is back", member.peer.id());
      return new PeerEvent.Joined(member.peer);
    }
    return null;
  }

  private Optional<String> problem(Member member) {
    if (member.heartbeats) {
      Duration silence = Duration.between(member.lastBeat, clock.instant());
      if (silence.compareTo(heartbeatInterval.multipliedBy(missedBeats)) > 0) {
        return Optional.of("missed " + missedBeats + " heartbeats (silent for " + silence + ")");
      }
    }
    if (member.failures >= failedChecks) {
      return Optional.of("failed " + member.failures + " health checks in a row");
    }
    return Optional.empty();
  }

  private void onSeedEvent(PeerEvent event) {
    switch (event) {
      case PeerEvent.Joined joined -> {
        synchronized (this) {
          if (members.containsKey(joined.peer().id())) {
            return;
          }
          Member member = new Member(joined.peer(), false, clock.instant());
          members.put(joined.peer().id(), member);
        }
        fire(event);
      }
      case PeerEvent.Left left -> {
        synchronized (this) {
          Member member = members.get(left.peer().id());
          if (member == null || member.heartbeats) {
            return; // a worker that joined us directly outlives its entry in the seed source
          }
          members.remove(left.peer().id());
          if (!member.live) {
            return;
          }
        }
        fire(event);
      }
    }
  }

  private void fire(@Nullable PeerEvent event) {
    if (event == null) {
      return;
    }
    for (PeerListener listener : listeners) {
      try {
        listener.onEvent(event);
      } catch (RuntimeException e) {
        LOG.warn("Peer listener threw on {}; the event is dropped for it. Listeners must not throw.", event, e);
      }
    }
  }

  /**
   * Starts checking every heartbeat interval on a daemon scheduler thread; the checks themselves
   * run on the executor.
   *
   * @throws IllegalStateException if already started or closed
   */
  public synchronized void start() {
    requireOpen();
    if (scheduler != null) {
      throw new IllegalStateException("membership already started");
    }
    ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "swarm-membership-checks");
      thread.setDaemon(true);
      return thread;
    });
    long period = heartbeatInterval.toMillis();
    started.scheduleWithFixedDelay(this::checkSafely, period, period, TimeUnit.MILLISECONDS);
    scheduler = started;
  }

  private void checkSafely() {
    try {
      checkNow();
    } catch (RuntimeException e) {
      LOG.warn("A membership check round failed; the next round runs as scheduled", e);
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("membership is closed");
    }
  }

  /** Stops checking and detaches from the seeds. Idempotent. */
  @Override
  public void close() {
    ScheduledExecutorService running;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      running = scheduler;
    }
    if (running != null) {
      running.shutdownNow();
    }
    if (seeds != null) {
      seeds.removeListener(seedListener);
    }
    if (ownedHttp != null) {
      ownedHttp.shutdownNow();
    }
    if (ownedExecutor != null) {
      ownedExecutor.shutdownNow();
    }
  }

  /** What the registry knows of one peer. Guarded by the Membership's lock. */
  private static final class Member {
    final Peer peer;
    final boolean heartbeats;
    Instant lastBeat;
    int failures;
    boolean live;

    Member(Peer peer, boolean heartbeats, Instant now) {
      this.peer = peer;
      this.heartbeats = heartbeats;
      this.lastBeat = now;
      this.live = !heartbeats; // seeds are presumed up until a check says otherwise
    }
  }

  /** Configures a {@link Membership}; every setting is optional. */
  public static final class Builder {
    private Duration heartbeatInterval = Duration.ofSeconds(5);
    private int missedBeats = 3;
    private int failedChecks = 2;
    private Duration checkTimeout = Duration.ofSeconds(2);
    private @Nullable PeerHealthCheck healthCheck;
    private @Nullable Executor executor;
    private Clock clock = Clock.systemUTC();
    private @Nullable PeerDiscovery seeds;

    private Builder() {}

    /** How often workers beat and peers are checked (default 5 s). */
    public Builder heartbeatInterval(Duration interval) {
      this.heartbeatInterval = positive(interval, "heartbeatInterval");
      return this;
    }

    /** Heartbeats a worker may miss before it is evicted (default 3). */
    public Builder missedBeats(int count) {
      this.missedBeats = atLeastOne(count, "missedBeats");
      return this;
    }

    /** Consecutive failed health checks before a peer is evicted (default 2). */
    public Builder failedChecks(int count) {
      this.failedChecks = atLeastOne(count, "failedChecks");
      return this;
    }

    /** The timeout of the default HTTP health check (default 2 s). */
    public Builder checkTimeout(Duration timeout) {
      this.checkTimeout = positive(timeout, "checkTimeout");
      return this;
    }

    /** Replaces the default {@code GET /healthz} check. */
    public Builder healthCheck(PeerHealthCheck check) {
      this.healthCheck = Objects.requireNonNull(check, "healthCheck must not be null");
      return this;
    }

    /** Runs health checks (default: a virtual thread per check, owned by the membership). */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor must not be null");
      return this;
    }

    /** Judges heartbeat silence (default: the UTC system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock must not be null");
      return this;
    }

    /** Peers known without joining, such as configured seeds or a host's DNS-backed discovery. */
    public Builder seeds(PeerDiscovery seeds) {
      this.seeds = Objects.requireNonNull(seeds, "seeds must not be null");
      return this;
    }

    /** Builds the membership; call {@link Membership#start()} to check on a schedule. */
    public Membership build() {
      return new Membership(this);
    }

    private static Duration positive(Duration value, String setting) {
      Objects.requireNonNull(value, () -> setting + " must not be null");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(setting + " must be positive but was " + value);
      }
      return value;
    }

    private static int atLeastOne(int value, String setting) {
      if (value < 1) {
        throw new IllegalArgumentException(setting + " must be > 0 but was " + value);
      }
      return value;
    }
  }
}
