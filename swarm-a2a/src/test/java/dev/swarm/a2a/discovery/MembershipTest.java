package dev.swarm.a2a.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarm.api.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Membership driven by a fake clock and a scripted health check: no waiting, no network. */
class MembershipTest extends PeerDiscoveryContract {
  private static final Peer W = new Peer("w1", URI.create("http://127.0.0.1:9100/.well-known/agent-card.json"));

  private final MutableClock clock = new MutableClock();
  private final Set<String> down = ConcurrentHashMap.newKeySet();
  private final List<PeerEvent> events = new CopyOnWriteArrayList<>();
  private final Membership membership = Membership.builder()
      .clock(clock)
      .heartbeatInterval(Duration.ofSeconds(5))
      .missedBeats(3)
      .failedChecks(2)
      .healthCheck(peer -> !down.contains(peer.id()))
      .seeds(StaticPeers.of(List.of(A, B)))
      .build();

  MembershipTest() {
    membership.addListener(events::add);
  }

  @AfterEach
  void close() {
    membership.close();
  }

  @Override
  protected PeerDiscovery discovery() {
    return membership;
  }

  @Test
  void join_newWorker_isLiveAndAnnounced() {
    membership.join(W);

    assertThat(membership.peers()).containsExactly(A, B, W);
    assertThat(events).containsExactly(new PeerEvent.Joined(W));
  }

  @Test
  void join_again_refreshesWithoutAnnouncingTwice() {
    membership.join(W);
    membership.join(W);

    assertThat(events).containsExactly(new PeerEvent.Joined(W));
  }

  @Test
  void join_takenIdWithOtherUrl_rejectedNamingBoth() {
    membership.join(W);
    Peer impostor = new Peer("w1", URI.create("http://127.0.0.1:9999/.well-known/agent-card.json"));

    assertThatThrownBy(() -> membership.join(impostor))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("peer id w1 is already taken by " + W.cardUrl())
        .hasMessageContaining(impostor.cardUrl().toString());
    assertThat(membership.peer("w1")).contains(W);
  }

  @Test
  void checkNow_workerSilentTooLong_isEvicted() {
    membership.join(W);
    clock.advance(Duration.ofSeconds(15));
    membership.checkNow();
    assertThat(membership.peers()).contains(W);

    clock.advance(Duration.ofSeconds(1));
    membership.checkNow();

    assertThat(membership.peers()).containsExactly(A, B);
    assertThat(events).last().isInstanceOfSatisfying(PeerEvent.Left.class,
        left -> assertThat(left.reason()).startsWith("missed 3 heartbeats"));
  }

  @Test
  void heartbeat_afterEvictionForSilence_readmits() {
    membership.join(W);
    clock.advance(Duration.ofSeconds(20));
    membership.checkNow();

    assertThat(membership.heartbeat("w1")).isTrue();

    assertThat(membership.peers()).contains(W);
    assertThat(events).containsExactly(
        new PeerEvent.Joined(W), new PeerEvent.Left(W, "missed 3 heartbeats (silent for PT20S)"), new PeerEvent.Joined(W));
  }

  @Test
  void heartbeat_keepsWorkerLiveAcrossRounds() {
    membership.join(W);
    for (int i = 0; i < 10; i++) {
      clock.advance(Duration.ofSeconds(5));
      membership.heartbeat("w1");
      membership.checkNow();
    }
    assertThat(membership.peers()).contains(W);
  }

  @Test
  void heartbeat_unknownOrSeed_returnsFalseSoTheWorkerJoinsAgain() {
    assertThat(membership.heartbeat("nobody")).isFalse();
    assertThat(membership.heartbeat("a")).isFalse();
  }

  @Test
  void checkNow_seedFailsTwice_isEvictedThenReturnsWhenHealthy() {
    down.add("a");
    membership.checkNow();
    assertThat(membership.peers()).as("one failure is tolerated").contains(A);

    membership.checkNow();
    assertThat(membership.peers()).containsExactly(B);

    down.remove("a");
    membership.checkNow();
    assertThat(membership.peers()).containsExactly(A, B);
    assertThat(events).containsExactly(
        new PeerEvent.Left(A, "failed 2 health checks in a row"), new PeerEvent.Joined(A));
  }

  @Test
  void checkNow_healthCheckThrows_countsAsFailure() {
    try (Membership throwing = Membership.builder().clock(clock).failedChecks(1)
        .healthCheck(peer -> { throw new IllegalStateException("probe broke"); })
        .seeds(StaticPeers.of(List.of(A))).build()) {
      throwing.checkNow();
      assertThat(throwing.peers()).isEmpty();
    }
  }

  @Test
  void heartbeat_whileFailingChecks_staysEvictedUntilACheckPasses() {
    membership.join(W);
    down.add("w1");
    membership.checkNow();
    membership.checkNow();
    assertThat(membership.peer("w1")).isEmpty();

    membership.heartbeat("w1");
    assertThat(membership.peer("w1")).as("beats alone do not outweigh failed checks").isEmpty();

    down.remove("w1");
    membership.checkNow();
    assertThat(membership.peer("w1")).contains(W);
  }

  @Test
  void leave_liveWorker_isAnnouncedAndForgotten() {
    membership.join(W);
    membership.leave("w1");

    assertThat(membership.peers()).containsExactly(A, B);
    assertThat(events).last().isEqualTo(new PeerEvent.Left(W, "left"));
    assertThat(membership.heartbeat("w1")).isFalse();
  }

  @Test
  void listener_thatThrows_doesNotStopOthers() {
    List<PeerEvent> seen = new CopyOnWriteArrayList<>();
    membership.addListener(event -> { throw new IllegalStateException("bad listener"); });
    membership.addListener(seen::add);

    membership.join(W);

    assertThat(seen).containsExactly(new PeerEvent.Joined(W));
  }

  @Test
  void join_afterClose_throwsIllegalState() {
    membership.close();
    assertThatThrownBy(() -> membership.join(W)).isInstanceOf(IllegalStateException.class).hasMessage("membership is closed");
  }

  @Test
  void builder_badValues_rejectedNamingSettingAndValue() {
    assertThatThrownBy(() -> Membership.builder().missedBeats(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("missedBeats must be > 0 but was 0");
    assertThatThrownBy(() -> Membership.builder().heartbeatInterval(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("heartbeatInterval must be positive but was PT-1S");
    assertThatThrownBy(() -> Membership.builder().failedChecks(-2))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("failedChecks must be > 0 but was -2");
  }
}
