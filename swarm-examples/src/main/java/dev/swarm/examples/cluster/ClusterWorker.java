package dev.swarm.examples.cluster;

import dev.swarm.a2a.discovery.Heartbeat;
import dev.swarm.a2a.discovery.Peer;
import dev.swarm.a2a.server.A2aServer;
import dev.swarm.api.SwarmConfig;
import dev.swarm.api.SwarmException;
import dev.swarm.core.EventBus;
import dev.swarm.core.Swarm;
import dev.swarm.examples.hybrid.HybridSwarm;
import dev.swarm.examples.hybrid.HybridWorker;
import dev.swarm.examples.models.ModelTiers;
import dev.swarm.inference.router.TaskMaster;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker process of the multi-process hybrid swarm: a {@link Swarm} of {@link HybridWorker}s
 * inferring through the hybrid engine, served over A2A by one {@link A2aServer}, joined to an
 * orchestrator's membership and heartbeating until closed.
 *
 * <pre>{@code
 * try (ClusterWorker worker = ClusterWorker.start(settings, SwarmConfig.fromEnv())) {
 *   System.out.println("LISTENING " + worker.port());
 *   worker.join();                 // retries until settings.joinTimeout()
 *   worker.closed().join();        // serves until close(), e.g. from a shutdown hook
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #start} and {@link #join} block their caller; tasks run on the swarm's
 * virtual threads.
 */
public final class ClusterWorker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterWorker.class);

  private final WorkerSettings settings;
  private final Swarm swarm;
  private final EventBus events;
  private final A2aServer server;
  private final int port;
  private final Heartbeat heartbeat;
  private final CompletableFuture<Void> closed = new CompletableFuture<>();

  private ClusterWorker(WorkerSettings settings, Swarm swarm, EventBus events, A2aServer server, int port) {
    this.settings = settings;
    this.swarm = swarm;
    this.events = events;
    this.server = server;
    this.port = port;
    Heartbeat.Builder beat = Heartbeat.builder()
        .orchestrator(settings.join())
        .self(new Peer(settings.id(), settings.cardUrl(port)))
        .interval(settings.heartbeat());
    if (settings.token() != null) {
      beat.bearerToken(settings.token());
    }
    this.heartbeat = beat.build();
  }

  /**
   * Starts the hybrid workers and binds the A2A server; does not join yet, so the caller can
   * announce the port first.
   *
   * @throws SwarmException.Permanent if the address cannot be bound
   */
  public static ClusterWorker start(WorkerSettings settings, SwarmConfig config) {
    Objects.requireNonNull(settings, "settings must not be null");
    Objects.requireNonNull(config, "config must not be null");
    ModelTiers tiers = ModelTiers.from(config, settings.timeScale(), settings.smallFailurePercent());
    EventBus events = EventBus.of();
    Swarm.Builder builder = Swarm.builder()
        .config(config)
        .eventBus(events)
        .inferenceEngine(HybridSwarm.engine(tiers, config, TaskMaster.withDefaultModel(config), events));
    for (int i = 1; i <= settings.workers(); i++) {
      builder.agent(new HybridWorker(settings.id() + "/" + i, settings.concurrency()));
    }
    Swarm swarm = builder.build();
    try {
      A2aServer.Builder server = A2aServer.builder()
          .agent(new LocalWorkers(settings.id(), swarm.registry()))
          .host(settings.host())
          .port(settings.port());
      if (settings.token() != null) {
        server.bearerToken(settings.token());
      }
      A2aServer built = server.build();
      int port;
      try {
        port = built.start();
      } catch (RuntimeException e) {
        built.close();
        throw e;
      }
      LOG.info("Worker {} serves {} hybrid workers on {}:{} ({})", settings.id(), settings.workers(), settings.host(),
          port, tiers.describe());
      return new ClusterWorker(settings, swarm, events, built, port);
    } catch (RuntimeException e) {
      swarm.close();
      events.close();
      throw e;
    }
  }

  /** The port the A2A server is bound to. */
  public int port() {
    return port;
  }

  /** This worker's id in the swarm. */
  public String id() {
    return settings.id();
  }

  /**
   * Joins the orchestrator, trying again every heartbeat until {@code settings.joinTimeout()}
   * passes, then keeps heartbeating on a daemon thread until {@link #close()}.
   *
   * @throws SwarmException.Retriable if the orchestrator did not admit this worker in time
   * @throws IllegalStateException if closed
   */
  public void join() {
    Clock clock = Clock.systemUTC();
    Instant giveUp = clock.instant().plus(settings.joinTimeout());
    while (true) {
      if (closed.isDone()) {
        throw new IllegalStateException("worker " + settings.id() + " is closed");
      }
      if (heartbeat.beatNow() == Heartbeat.Outcome.JOINED) {
        heartbeat.start();
        LOG.info("Worker {} joined the orchestrator at {}", settings.id(), settings.join());
        return;
      }
      Duration left = Duration.between(clock.instant(), giveUp);
      if (left.isNegative() || left.isZero()) {
        throw new SwarmException.Retriable("could not join the orchestrator at " + settings.join() + " within "
            + settings.joinTimeout().toSeconds() + " s; check that `swarm orchestrator` runs there, that the URL "
            + "and --token match, and that this worker's id '" + settings.id() + "' is not taken");
      }
      // Between attempts, not instead of synchronisation: the orchestrator may still be starting.
      waitFor(left.compareTo(settings.heartbeat()) < 0 ? left : settings.heartbeat());
    }
  }

  private void waitFor(Duration pause) {
    try {
      closed.get(pause.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // the pause elapsed; try again
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SwarmException.Retriable("interrupted while joining the orchestrator at " + settings.join(), e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the closed future never fails", e);
    }
  }

  /** Completes once this worker is closed; a command waits on it to serve until stopped. */
  public CompletableFuture<Void> closed() {
    return closed.copy();
  }

  /**
   * Drains the A2A server, leaves the orchestrator (best effort) and stops the workers. Idempotent.
   * Draining first lets running tasks deliver their results; leaving first would make the
   * orchestrator abandon and re-run them elsewhere.
   */
  @Override
  public void close() {
    synchronized (closed) {
      if (closed.isDone()) {
        return;
      }
      try {
        server.close();
      } finally {
        try {
          heartbeat.close();
        } finally {
          swarm.close();
          events.close();
          closed.complete(null);
        }
      }
    }
  }

  @Override
  public String toString() {
    return "ClusterWorker[" + settings.id() + " on port " + port + "]";
  }
}
