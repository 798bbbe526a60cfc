package dev.swarm.a2a.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarm.api.AgentRole;
import dev.swarm.api.SwarmException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Building a RemoteAgent: rejected settings and cards, and how the card is read. */
class RemoteAgentBuilderTest {
  @Test
  void build_withoutLocation_throwsIllegalState() {
    assertThatThrownBy(() -> RemoteAgent.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cardUrl or baseUrl");
  }

  @Test
  void timeout_zero_rejectedNamingSettingAndValue() {
    assertThatThrownBy(() -> RemoteAgent.builder().timeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout must be positive but was PT0S");
  }

  @Test
  void maxRetries_negative_rejectedNamingSettingAndValue() {
    assertThatThrownBy(() -> RemoteAgent.builder().maxRetries(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxRetries must be >= 0 but was -1");
  }

  @Test
  void maxLoad_zero_rejected() {
    assertThatThrownBy(() -> RemoteAgent.builder().maxLoad(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxLoad must be > 0 but was 0");
  }

  @Test
  void bearerToken_blank_rejected() {
    assertThatThrownBy(() -> RemoteAgent.builder().bearerToken(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bearerToken must not be blank");
  }

  @Test
  void build_unreachableCardUrl_throwsRetriable() throws Exception {
    URI gone;
    try (ScriptedA2aServer server = new ScriptedA2aServer(true)) {
      gone = server.baseUrl();
    }
    assertThatThrownBy(() -> RemoteAgent.builder().baseUrl(gone).build())
        .isInstanceOf(SwarmException.Retriable.class)
        .hasMessageContaining("cannot fetch the A2A agent card from " + gone);
  }

  @Test
  void build_cardMissing_throwsPermanentWithStatus() throws Exception {
    try (ScriptedA2aServer server = new ScriptedA2aServer(true)) {
      server.respond((request, exchange) -> ScriptedA2aServer.send(exchange, 404, "text/plain", "no card here"));
      assertThatThrownBy(() -> RemoteAgent.builder().cardUrl(server.baseUrl().resolve("/nope/card.json")).build())
          .isInstanceOf(SwarmException.Permanent.class)
          .hasMessageContaining("got HTTP 404");
    }
  }

  @Test
  void build_cardWithOnlyGrpc_throwsPermanentListingWhatWasOffered() throws Exception {
    try (ScriptedA2aServer server = new ScriptedA2aServer(true)) {
      ObjectNode card = ScriptedA2aServer.card(true, "http://127.0.0.1:1/", null);
      card.putArray("supportedInterfaces").addObject()
          .put("url", "127.0.0.1:9").put("protocolBinding", "GRPC").put("protocolVersion", "1.0");
      server.card(card);

      assertThatThrownBy(() -> RemoteAgent.builder().baseUrl(server.baseUrl()).build())
          .isInstanceOf(SwarmException.Permanent.class)
          .hasMessageContaining("offers no interface this client speaks")
          .hasMessageContaining("[GRPC 1.0]");
    }
  }

  @Test
  void build_legacyInterfaceFirst_picksTheFirstOneAtVersionOne() throws Exception {
    try (ScriptedA2aServer server = new ScriptedA2aServer(false)) {
      ObjectNode card = ScriptedA2aServer.card(false, "http://127.0.0.1:1/", null);
      var interfaces = card.putArray("supportedInterfaces");
      interfaces.addObject().put("url", server.baseUrl() + "/v03").put("protocolBinding", "JSONRPC").put("protocolVersion", "0.3");
      interfaces.addObject().put("url", server.baseUrl() + "/v1").put("protocolBinding", "JSONRPC").put("protocolVersion", "1.0");
      interfaces.addObject().put("url", "ws://127.0.0.1:1/ws").put("protocolBinding", "urn:example:websocket").put("protocolVersion", "1.0");
      server.card(card);

      try (RemoteAgent agent = RemoteAgent.builder().baseUrl(server.baseUrl()).id("w1").role(AgentRole.AGGREGATOR).build()) {
        assertThat(agent.card().url()).isEqualTo(URI.create(server.baseUrl() + "/v1"));
        assertThat(agent.card().id()).isEqualTo("w1");
        assertThat(agent.card().role()).isEqualTo(AgentRole.AGGREGATOR);
        assertThat(agent.card().hasSkill("s1")).isTrue();
      }
      try (RemoteAgent agent = RemoteAgent.builder().baseUrl(server.baseUrl()).preferWebSocket(true).build()) {
        assertThat(agent.card().url()).isEqualTo(URI.create("ws://127.0.0.1:1/ws"));
        assertThat(agent.streaming()).as("the WebSocket binding always streams").isTrue();
      }
    }
  }
}
