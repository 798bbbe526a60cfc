package dev.swarm.examples.cluster;

import dev.swarm.a2a.discovery.Membership;
import dev.swarm.a2a.discovery.Peer;
import dev.swarm.a2a.discovery.PeerEvent;
import dev.swarm.a2a.discovery.PeerListener;
import dev.swarm.api.Agent;
import dev.swarm.api.SwarmException;
import dev.swarm.core.AgentRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the orchestrator's agents in step with the membership: a worker that joins gets a
 * {@link ClusterPeer} registered for dispatch; one that leaves or is evicted is unregistered and
 * its client closed, which ends its in-flight tasks retriable so they are re-dispatched.
 *
 * <p>Membership calls its listeners on its own threads and asks them not to block; connecting
 * fetches an Agent Card, so every change is applied in order on the roster's one thread.
 */
final class Roster implements PeerListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Roster.class);

  private final Membership membership;
  private final Function<Peer, ClusterPeer> connect;
  private final Progress progress;
  private final ExecutorService changes = Executors.newSingleThreadExecutor(Thread.ofPlatform()
      .name("cluster-roster").daemon().factory());
  /** Guarded by this; written only on the roster thread. */
  private final Map<String, ClusterPeer> connected = new LinkedHashMap<>();
  /** Set once by {@link #bind}; read and written on the roster thread. */
  private @Nullable AgentRegistry registry;

  Roster(Membership membership, Function<Peer, ClusterPeer> connect, Progress progress) {
    this.membership = membership;
    this.connect = connect;
    this.progress = progress;
    membership.addListener(this);
  }

  @Override
  public void onEvent(PeerEvent event) {
    changes.execute(() -> apply(event));
  }

  private void apply(PeerEvent event) {
    switch (event) {
      case PeerEvent.Joined joined -> admit(joined.peer());
      case PeerEvent.Left left -> dismiss(left.peer().id(), left.reason());
    }
  }

  private void admit(Peer peer) {
    dismiss(peer.id(), null); // a restarted worker joins again at a new address
    ClusterPeer agent;
    try {
      agent = connect.apply(peer);
    } catch (RuntimeException e) {
      LOG.warn("Worker {} joined but its agent card at {} could not be read ({}); it takes no tasks until it joins "
          + "again. Check that --advertise-host on the worker is reachable from here", peer.id(), peer.cardUrl(),
          e.getMessage());
      return;
    }
    AgentRegistry r = registry;
    if (r != null) {
      try {
        r.register(agent);
      } catch (IllegalArgumentException e) {
        LOG.warn("Worker {} joined but {}; start it with another --id", peer.id(), e.getMessage());
        agent.close();
        return;
      }
    }
    synchronized (this) {
      connected.put(peer.id(), agent);
      notifyAll();
    }
    progress.joined(peer.id(), peer.cardUrl());
  }

  /** Drops the worker; announces it unless {@code reason} is null (it is being replaced). */
  private void dismiss(String id, @Nullable String reason) {
    ClusterPeer gone;
    synchronized (this) {
      gone = connected.remove(id);
    }
    if (gone == null) {
      return;
    }
    AgentRegistry r = registry;
    if (r != null) {
      r.unregister(id);
    }
    gone.close();
    if (reason != null) {
      progress.left(id, reason);
    }
  }

  /**
   * Waits until {@code count} workers are connected and returns them.
   *
   * @throws SwarmException.Retriable naming how many joined, if fewer did within {@code timeout}
   */
  synchronized List<Agent> awaitConnected(int count, Duration timeout, String joinHint) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (connected.size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new SwarmException.Retriable("only " + connected.size() + " of " + count + " workers joined within "
            + timeout.toSeconds() + " s; start more with `" + joinHint + "` or lower --expect-workers");
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return List.copyOf(connected.values());
  }

  /**
   * From now on, keeps {@code target} in step: registers connected workers it lacks, unregisters
   * the ones that left since they were handed out, and applies every later change to it too.
   */
  void bind(AgentRegistry target) throws InterruptedException {
    try {
      changes.submit(() -> {
        registry = target;
        List<ClusterPeer> live;
        synchronized (this) {
          live = new ArrayList<>(connected.values());
        }
        for (Agent agent : target.all()) {
          if (agent instanceof ClusterPeer && !live.contains(agent)) {
            target.unregister(agent.id());
          }
        }
        live.stream().filter(p -> target.find(p.id()).isEmpty()).forEach(target::register);
      }).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("binding the roster to the swarm failed: " + e.getCause(), e.getCause());
    }
  }

  /** Stops following the membership and closes every worker client. */
  @Override
  public void close() {
    membership.removeListener(this);
    changes.shutdown();
    try {
      if (!changes.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("Roster changes still running after 10 s; closing the worker clients anyway");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<ClusterPeer> all;
    synchronized (this) {
      all = List.copyOf(connected.values());
      connected.clear();
    }
    all.forEach(ClusterPeer::close);
  }
}
