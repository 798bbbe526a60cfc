package dev.swarm.a2a.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PeerDiscovery} must do. Extend it with a discovery that knows exactly the
 * peers of {@link #expectedPeers()}.
 */
abstract class PeerDiscoveryContract {
  static final Peer A = new Peer("a", URI.create("http://127.0.0.1:9001/.well-known/agent-card.json"));
  static final Peer B = new Peer("b", URI.create("http://127.0.0.1:9002/.well-known/agent-card.json"));

  /** The discovery under test, already holding {@link #expectedPeers()}. */
  protected abstract PeerDiscovery discovery();

  protected List<Peer> expectedPeers() {
    return List.of(A, B);
  }

  @Test
  void peers_returnsTheKnownPeersInStableOrder() {
    assertThat(discovery().peers()).containsExactlyElementsOf(expectedPeers());
    assertThat(discovery().peers()).isEqualTo(discovery().peers());
  }

  @Test
  void peers_isAnImmutableSnapshot() {
    List<Peer> peers = discovery().peers();
    assertThatThrownBy(() -> peers.add(A)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void peers_idsAreUnique() {
    List<Peer> peers = discovery().peers();
    assertThat(new HashSet<>(peers.stream().map(Peer::id).toList())).hasSameSizeAs(peers);
  }

  @Test
  void addListener_null_throwsNpe() {
    assertThatThrownBy(() -> discovery().addListener(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void removeListener_unknown_isIgnored() {
    discovery().removeListener(event -> {});
    assertThat(discovery().peers()).hasSize(expectedPeers().size());
  }
}
