package dev.swarm.a2a.discovery;

import java.util.Objects;

/** A change in the set of live peers. */
public sealed interface PeerEvent {
  /** The peer the event is about. */
  Peer peer();

  /**
   * A peer became available: it joined, was discovered, or recovered after an eviction.
   *
   * @param peer the peer
   */
  record Joined(Peer peer) implements PeerEvent {
    /** Validates. */
    public Joined {
      Objects.requireNonNull(peer, "peer must not be null");
    }
  }

  /**
   * A peer stopped being available.
   *
   * @param peer the peer
   * @param reason why, for logs and dashboards: left, missed heartbeats, failed health checks
   */
  record Left(Peer peer, String reason) implements PeerEvent {
    /** Validates. */
    public Left {
      Objects.requireNonNull(peer, "peer must not be null");
      Objects.requireNonNull(reason, "reason must not be null");
    }
  }
}
