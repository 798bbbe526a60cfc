package dev.swarm.a2a.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.swarm.api.testing.MutableClock;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Workers joining and beating over real HTTP (Netty endpoint, JDK client), and the real /healthz
 * check against a worker's HTTP server.
 */
class MembershipServerTest {
  private final MutableClock clock = new MutableClock();
  private final List<PeerEvent> events = new CopyOnWriteArrayList<>();
  private final AtomicInteger healthStatus = new AtomicInteger(200);
  private HttpServer worker;
  private HttpClient http;
  private Membership membership;
  private MembershipServer endpoint;
  private Peer self;

  @BeforeEach
  void setUp() throws Exception {
    worker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    worker.createContext("/healthz", exchange -> {
      exchange.sendResponseHeaders(healthStatus.get(), -1);
      exchange.close();
    });
    worker.start();
    self = new Peer("worker-1", URI.create("http://127.0.0.1:" + worker.getAddress().getPort() + "/.well-known/agent-card.json"));
    http = HttpClient.newHttpClient();
    membership = Membership.builder()
        .clock(clock)
        .heartbeatInterval(Duration.ofSeconds(5))
        .failedChecks(1)
        .healthCheck(PeerHealthCheck.http(http, Duration.ofSeconds(2)))
        .build();
    membership.addListener(events::add);
    endpoint = MembershipServer.builder(membership).bearerToken("m-token").heartbeatInterval(Duration.ofSeconds(5)).build();
    endpoint.start();
  }

  @AfterEach
  void tearDown() {
    endpoint.close();
    membership.close();
    http.close();
    worker.stop(0);
  }

  private Heartbeat heartbeat(String token) {
    return Heartbeat.builder()
        .orchestrator(URI.create("http://127.0.0.1:" + endpoint.port()))
        .self(self)
        .bearerToken(token)
        .build();
  }

  @Test
  void beatNow_firstJoinsThenBeats() {
    try (Heartbeat heartbeat = heartbeat("m-token")) {
      assertThat(heartbeat.beatNow()).isEqualTo(Heartbeat.Outcome.JOINED);
      assertThat(heartbeat.beatNow()).isEqualTo(Heartbeat.Outcome.BEAT);
      assertThat(membership.peers()).containsExactly(self);
    }
  }

  @Test
  void beatNow_orchestratorForgotWorker_joinsAgain() {
    try (Heartbeat heartbeat = heartbeat("m-token")) {
      heartbeat.beatNow();
      membership.leave("worker-1");

      assertThat(heartbeat.beatNow()).isEqualTo(Heartbeat.Outcome.JOINED);
      assertThat(membership.peers()).containsExactly(self);
    }
  }

  @Test
  void close_leavesTheMembership() {
    Heartbeat heartbeat = heartbeat("m-token");
    heartbeat.beatNow();

    heartbeat.close();

    assertThat(membership.peers()).isEmpty();
    assertThat(events).containsExactly(new PeerEvent.Joined(self), new PeerEvent.Left(self, "left"));
  }

  @Test
  void beatNow_wrongToken_failsAndJoinsNothing() {
    try (Heartbeat heartbeat = heartbeat("wrong")) {
      assertThat(heartbeat.beatNow()).isEqualTo(Heartbeat.Outcome.FAILED);
      assertThat(membership.peers()).isEmpty();
    }
  }

  @Test
  void beatNow_orchestratorDown_failsWithoutThrowing() {
    endpoint.close();
    try (Heartbeat heartbeat = heartbeat("m-token")) {
      assertThat(heartbeat.beatNow()).isEqualTo(Heartbeat.Outcome.FAILED);
    }
  }

  @Test
  void checkNow_workerHealthzFailsThenRecovers_evictedThenBack() {
    try (Heartbeat heartbeat = heartbeat("m-token")) {
      heartbeat.beatNow();
      healthStatus.set(503);
      membership.checkNow();
      assertThat(membership.peers()).isEmpty();

      healthStatus.set(200);
      membership.checkNow();
      assertThat(membership.peers()).containsExactly(self);
      assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("Joined", "Left", "Joined");
    }
  }

  @Test
  void checkNow_workerProcessGone_evicted() {
    try (Heartbeat heartbeat = heartbeat("m-token")) {
      heartbeat.beatNow();
      worker.stop(0);

      membership.checkNow();

      assertThat(membership.peers()).isEmpty();
      assertThat(events).last().isInstanceOfSatisfying(PeerEvent.Left.class,
          left -> assertThat(left.reason()).isEqualTo("failed 1 health checks in a row"));
    }
  }

  @Test
  void routes_listAndRejectBadInput() throws Exception {
    try (Heartbeat heartbeat = heartbeat("m-token")) {
      heartbeat.beatNow();
    }
    URI members = URI.create("http://127.0.0.1:" + endpoint.port() + "/swarm/members");
    HttpResponse<String> list = http.send(HttpRequest.newBuilder(members).header("Authorization", "Bearer m-token").GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).isEqualTo("[]"); // the worker left on close

    HttpResponse<String> bad = http.send(HttpRequest.newBuilder(members).header("Authorization", "Bearer m-token")
        .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"x\",\"cardUrl\":\"/relative\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("cardUrl must be an absolute http or https URL but was /relative");
    assertThat(membership.peers()).isEmpty();
  }
}
