package dev.swarm.a2a.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaticPeersTest extends PeerDiscoveryContract {
  private final StaticPeers peers = StaticPeers.of(List.of(A, B));

  @Override
  protected PeerDiscovery discovery() {
    return peers;
  }

  @Test
  void of_cardUrls_namesEachPeerByHostAndPort() {
    StaticPeers seeds = StaticPeers.of(URI.create("http://10.0.0.7:8080/.well-known/agent-card.json"),
        URI.create("https://agents.example/.well-known/agent-card.json"));

    assertThat(seeds.peers()).extracting(Peer::id).containsExactly("10.0.0.7:8080", "agents.example:443");
    assertThat(seeds.peers().get(0).baseUrl()).isEqualTo(URI.create("http://10.0.0.7:8080"));
  }

  @Test
  void of_duplicateIds_rejectedNamingTheId() {
    Peer twin = new Peer("a", URI.create("http://127.0.0.1:9999/card.json"));
    assertThatThrownBy(() -> StaticPeers.of(List.of(A, twin)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("peer ids must be unique but a appears twice");
  }

  @Test
  void peer_relativeCardUrl_rejectedEchoingIt() {
    assertThatThrownBy(() -> new Peer("x", URI.create("/card.json")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cardUrl must be an absolute http or https URL but was /card.json");
  }
}
