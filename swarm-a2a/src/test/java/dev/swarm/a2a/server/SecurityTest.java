package dev.swarm.a2a.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swarm.api.AgentCard;
import dev.swarm.api.AgentRole;
import dev.swarm.api.AgentSkill;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/** Authentication, task ownership, connection limits, TLS and the extended card. */
class SecurityTest {
  private final ScriptedAgent agent = new ScriptedAgent();

  private A2aServer started(A2aServer.Builder builder) {
    A2aServer server = builder.agent(agent).ioThreads(1).build();
    server.start();
    return server;
  }

  @Test
  void bearerToken_missingOrWrong_isRefused401WithChallenge() throws Exception {
    try (A2aServer server = started(A2aServer.builder().bearerToken("s3cret"))) {
      Rpc rpc = new Rpc(server.baseUrl());
      HttpResponse<String> refused = rpc.post(rpc.envelope("GetTask", "{\"id\":\"x\"}"), "application/json");
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(refused.headers().firstValue("www-authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
      assertThat(rpc.token("wrong").post(rpc.envelope("GetTask", "{\"id\":\"x\"}"), "application/json").statusCode()).isEqualTo(401);
      assertThat(rpc.token("s3cret").call("SendMessage", Rpc.send("hi")).path("result").path("task").path("status").path("state").asText())
          .isEqualTo("TASK_STATE_COMPLETED");
      assertThat(agent.submissions).hasValue(1);
    }
  }

  @Test
  void card_isPublicAndDeclaresTheSchemes() throws Exception {
    try (A2aServer server = started(A2aServer.builder().bearerToken("t").apiKey("X-API-Key", "k", "svc"))) {
      HttpResponse<String> response = new Rpc(server.baseUrl()).get("/.well-known/agent-card.json");
      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode card = Rpc.JSON.readTree(response.body());
      assertThat(card.path("securitySchemes").path("bearer").path("httpAuthSecurityScheme").path("scheme").asText()).isEqualTo("Bearer");
      assertThat(card.path("securitySchemes").path("apiKey").path("apiKeySecurityScheme").path("name").asText()).isEqualTo("X-API-Key");
      assertThat(card.path("securityRequirements")).hasSize(2);
    }
  }

  @Test
  void apiKey_inItsHeader_authenticates() throws Exception {
    try (A2aServer server = started(A2aServer.builder().apiKey("X-API-Key", "key-1", "svc"))) {
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.baseUrl().resolve("/"))
          .header("X-API-Key", "key-1").header("A2A-Version", "1.0").header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(new Rpc(server.baseUrl()).envelope("SendMessage", Rpc.send("k")))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(Rpc.JSON.readTree(response.body()).path("result").has("task")).isTrue();
    }
  }

  @Test
  void tasks_areVisibleOnlyToTheirOwner_andIdempotencyIsPerCaller() throws Exception {
    try (A2aServer server = started(A2aServer.builder().bearerToken("alice-token", "alice").bearerToken("bob-token", "bob"))) {
      Rpc alice = new Rpc(server.baseUrl()).token("alice-token");
      Rpc bob = new Rpc(server.baseUrl()).token("bob-token");
      String id = alice.call("SendMessage", Rpc.send("mine", "m-1")).path("result").path("task").path("id").asText();
      assertThat(bob.call("GetTask", "{\"id\":\"" + id + "\"}").path("error").path("code").asInt()).isEqualTo(-32001);
      assertThat(bob.call("CancelTask", "{\"id\":\"" + id + "\"}").path("error").path("code").asInt()).isEqualTo(-32001);
      assertThat(bob.call("ListTasks", "{}").path("result").path("tasks")).isEmpty();
      assertThat(alice.call("ListTasks", "{}").path("result").path("tasks")).hasSize(1);
      String bobs = bob.call("SendMessage", Rpc.send("mine", "m-1")).path("result").path("task").path("id").asText();
      assertThat(bobs).isNotEqualTo(id);
      assertThat(agent.submissions).hasValue(2);
    }
  }

  @Test
  void extendedCard_configured_isServedToAuthenticatedCallers() throws Exception {
    AgentCard extended = new AgentCard("scripted", "Scripted agent", "more", "1.2.3", AgentRole.WORKER,
        List.of(AgentSkill.of("echo"), AgentSkill.of("admin")), null);
    try (A2aServer server = started(A2aServer.builder().bearerToken("t").extendedCard(extended))) {
      Rpc rpc = new Rpc(server.baseUrl()).token("t");
      assertThat(Rpc.JSON.readTree(rpc.get("/.well-known/agent-card.json").body()).path("capabilities").path("extendedAgentCard").asBoolean()).isTrue();
      JsonNode card = rpc.call("GetExtendedAgentCard", "{}").path("result");
      assertThat(card.path("skills").findValuesAsText("id")).containsExactly("echo", "admin");
    }
  }

  @Test
  void maxConnections_extraConnectionIsClosed() throws Exception {
    try (A2aServer server = started(A2aServer.builder().maxConnections(1));
        Socket first = new Socket()) {
      first.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
      first.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n".getBytes());
      assertThat(new String(first.getInputStream().readNBytes(15))).startsWith("HTTP/1.1 200");
      try (Socket second = new Socket()) {
        second.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
        second.setSoTimeout(10_000);
        InputStream in = second.getInputStream();
        assertThat(in.read()).as("closed without an answer").isEqualTo(-1);
      }
    }
  }

  @Test
  void tls_servesHttpsWithTheGivenContext() throws Exception {
    SelfSignedCertificate certificate = new SelfSignedCertificate("localhost");
    try {
      SslContext ssl = SslContextBuilder.forServer(certificate.certificate(), certificate.privateKey()).build();
      try (A2aServer server = started(A2aServer.builder().sslContext(ssl))) {
        assertThat(server.baseUrl().getScheme()).isEqualTo("https");
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("server", certificate.cert());
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, factory.getTrustManagers(), null);
        HttpResponse<String> card = HttpClient.newBuilder().sslContext(client).build().send(
            HttpRequest.newBuilder(URI.create("https://localhost:" + server.port() + "/.well-known/agent-card.json")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(card.statusCode()).isEqualTo(200);
        assertThat(Rpc.JSON.readTree(card.body()).path("supportedInterfaces").get(0).path("url").asText()).startsWith("https://localhost:");
      }
    } finally {
      certificate.delete();
    }
  }
}
