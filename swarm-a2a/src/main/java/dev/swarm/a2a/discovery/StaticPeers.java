package dev.swarm.a2a.discovery;

import java.net.URI;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A fixed list of peers, such as seeds from configuration. It never changes, so listeners never
 * hear anything; wrap it in a {@link Membership} to have the seeds health-checked.
 */
public final class StaticPeers implements PeerDiscovery {
  private final List<Peer> peers;

  private StaticPeers(List<Peer> peers) {
    Set<String> ids = new HashSet<>();
    for (Peer peer : peers) {
      Objects.requireNonNull(peer, "peers must not contain null");
      if (!ids.add(peer.id())) {
        throw new IllegalArgumentException("peer ids must be unique but " + peer.id() + " appears twice");
      }
    }
    this.peers = List.copyOf(peers);
  }

  /** The given peers, in order; ids must be unique. */
  public static StaticPeers of(List<Peer> peers) {
    return new StaticPeers(Objects.requireNonNull(peers, "peers must not be null"));
  }

  /** Peers for the given card URLs, each with id {@code host:port}. */
  public static StaticPeers of(URI... cardUrls) {
    return of(Arrays.stream(cardUrls).map(Peer::of).toList());
  }

  @Override
  public List<Peer> peers() {
    return peers;
  }

  @Override
  public void addListener(PeerListener listener) {
    Objects.requireNonNull(listener, "listener must not be null");
  }

  @Override
  public void removeListener(PeerListener listener) {
    Objects.requireNonNull(listener, "listener must not be null");
  }
}
