package dev.swarm.examples.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.swarm.a2a.client.RemoteAgent;
import dev.swarm.a2a.discovery.Membership;
import dev.swarm.a2a.discovery.Peer;
import dev.swarm.api.Agent;
import dev.swarm.api.SwarmConfig;
import dev.swarm.api.SwarmException;
import dev.swarm.api.Task;
import dev.swarm.core.AgentRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Membership changes reaching the orchestrator's registry, against a real worker's A2A card. */
class RosterTest {
  private final List<String> heard = new CopyOnWriteArrayList<>();
  private final Progress progress = new Progress() {
    @Override
    public void joined(String worker, URI cardUrl) {
      heard.add("joined " + worker);
    }

    @Override
    public void left(String worker, String reason) {
      heard.add("left " + worker + ": " + reason);
    }
  };

  @Test
  void bind_workerJoinsThenLeaves_isRegisteredThenUnregisteredAndAnnounced() throws Exception {
    DispatchLedger ledger = new DispatchLedger();
    AgentRegistry registry = new AgentRegistry();
    try (ClusterWorker worker = ClusterWorker.start(new WorkerSettings(URI.create("http://127.0.0.1:9"), "worker-r",
            "127.0.0.1", "127.0.0.1", 0, null, 1, 1, 0, 0, Duration.ofSeconds(1), Duration.ofSeconds(1)),
            SwarmConfig.defaults());
        Membership membership = Membership.builder().build();
        Roster roster = new Roster(membership, peer -> new ClusterPeer(
            RemoteAgent.builder().cardUrl(peer.cardUrl()).id(peer.id()).build(), ledger), progress)) {
      Peer peer = new Peer("worker-r", URI.create("http://127.0.0.1:" + worker.port() + "/.well-known/agent-card.json"));

      membership.join(peer);
      List<Agent> first = roster.awaitConnected(1, Duration.ofSeconds(30), "swarm worker --join …");
      roster.bind(registry);

      assertThat(first).extracting(Agent::id).containsExactly("worker-r");
      assertThat(registry.find("worker-r")).containsSame(first.getFirst());
      assertThat(heard).containsExactly("joined worker-r");

      membership.leave("worker-r");

      await().atMost(Duration.ofSeconds(30)).until(() -> registry.find("worker-r").isEmpty());
      assertThat(heard).hasSize(2).last().asString().startsWith("left worker-r");
      assertThatThrownBy(() -> first.getFirst().submit(Task.of("closed?")))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
  }

  @Test
  void awaitConnected_nobodyJoins_failsSayingHowManyJoinedAndHowToStartMore() throws Exception {
    try (Membership membership = Membership.builder().build();
        Roster roster = new Roster(membership, peer -> {
          throw new AssertionError("nobody joins");
        }, progress)) {
      assertThatThrownBy(() -> roster.awaitConnected(2, Duration.ofMillis(50), "swarm worker --join http://h:1"))
          .isInstanceOf(SwarmException.Retriable.class)
          .hasMessageContaining("only 0 of 2 workers joined")
          .hasMessageContaining("`swarm worker --join http://h:1`");
    }
  }
}
