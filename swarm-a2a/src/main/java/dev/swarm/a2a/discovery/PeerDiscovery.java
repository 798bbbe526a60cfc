package dev.swarm.a2a.discovery;

import java.util.List;

/**
 * Where an orchestrator learns which A2A peers exist. Implement it to back discovery with your own
 * source (DNS SRV records, the Kubernetes endpoints API, Consul); swarm ships {@link StaticPeers}
 * and {@link Membership}.
 *
 * <p>Implementations are thread-safe. {@link #peers()} may be called from any thread and must not
 * block on the network; listeners are called as {@link PeerListener} describes.
 */
public interface PeerDiscovery {
  /** The peers available now, in a stable order; an immutable snapshot. */
  List<Peer> peers();

  /** Starts telling {@code listener} about changes; adding the same listener twice is a no-op. */
  void addListener(PeerListener listener);

  /** Stops telling {@code listener} about changes; unknown listeners are ignored. */
  void removeListener(PeerListener listener);
}
