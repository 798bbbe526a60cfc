package dev.swarm.a2a.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swarm.api.TaskStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server end to end on loopback: real Netty, real HTTP, a scripted agent. */
class A2aServerTest {
  private final ScriptedAgent agent = new ScriptedAgent();
  private A2aServer server;
  private Rpc rpc;

  @BeforeEach
  void start() {
    server = A2aServer.builder().agent(agent).ioThreads(1).shutdownGracePeriod(Duration.ofSeconds(2)).build();
    server.start();
    rpc = new Rpc(server.baseUrl());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static String state(TaskStatus status) {
    return "TASK_STATE_" + status.name();
  }

  @Test
  void agentCard_served_withCachingHeadersAndInterfaces() throws Exception {
    HttpResponse<String> response = rpc.get("/.well-known/agent-card.json");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("cache-control")).hasValueSatisfying(v -> assertThat(v).contains("max-age"));
    assertThat(response.headers().firstValue("last-modified")).isPresent();
    String etag = response.headers().firstValue("etag").orElseThrow();
    JsonNode card = Rpc.JSON.readTree(response.body());
    assertThat(card.path("name").asText()).isEqualTo("Scripted agent");
    assertThat(card.path("version").asText()).isEqualTo("1.2.3");
    assertThat(card.path("supportedInterfaces").get(0).path("url").asText()).isEqualTo(server.baseUrl() + "/");
    assertThat(card.path("supportedInterfaces").get(0).path("protocolBinding").asText()).isEqualTo("JSONRPC");
    assertThat(card.path("supportedInterfaces").findValuesAsText("protocolBinding")).contains(A2aServer.WEBSOCKET_BINDING);
    assertThat(card.path("capabilities").path("streaming").asBoolean()).isTrue();
    assertThat(card.path("skills").get(0).path("id").asText()).isEqualTo("echo");

    HttpResponse<String> conditional = rpc.http().send(
        HttpRequest.newBuilder(server.baseUrl().resolve("/.well-known/agent-card.json")).header("If-None-Match", etag).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(conditional.statusCode()).isEqualTo(304);
  }

  @Test
  void agentCard_publicBaseUrl_isAdvertised() throws Exception {
    try (A2aServer proxied = A2aServer.builder().agent(agent).ioThreads(1)
        .publicBaseUrl(URI.create("https://agents.example.org/scripted/")).build()) {
      proxied.start();
      JsonNode card = Rpc.JSON.readTree(new Rpc(proxied.baseUrl().resolve("http://127.0.0.1:" + proxied.port())).get("/.well-known/agent-card.json").body());
      assertThat(card.path("supportedInterfaces").get(0).path("url").asText()).isEqualTo("https://agents.example.org/scripted/");
      assertThat(card.path("supportedInterfaces").get(2).path("url").asText()).isEqualTo("wss://agents.example.org/scripted/a2a/ws");
    }
  }

  @Test
  void agentCard_forwardedHeadersTrusted_buildUrlsFromThem() throws Exception {
    try (A2aServer proxied = A2aServer.builder().agent(agent).ioThreads(1).trustForwardedHeaders(true).build()) {
      proxied.start();
      HttpResponse<String> response = rpc.http().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxied.port() + "/.well-known/agent-card.json"))
              .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "edge.example.org")
              .header("X-Forwarded-Prefix", "/team").build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode card = Rpc.JSON.readTree(response.body());
      assertThat(card.path("url").asText()).isEqualTo("https://edge.example.org/team/");
    }
  }

  @Test
  void agentCard_forwardedHeadersNotTrusted_areIgnored() throws Exception {
    HttpResponse<String> response = rpc.http().send(
        HttpRequest.newBuilder(server.baseUrl().resolve("/.well-known/agent-card.json"))
            .header("X-Forwarded-Host", "evil.example").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(Rpc.JSON.readTree(response.body()).path("url").asText()).isEqualTo(server.baseUrl() + "/");
  }

  @Test
  void sendMessage_blocking_returnsCompletedTaskWithArtifactAndHistory() throws Exception {
    JsonNode response = rpc.call("SendMessage", Rpc.send("hello"));
    JsonNode task = response.path("result").path("task");
    assertThat(response.path("id").asInt()).isEqualTo(1);
    assertThat(task.path("status").path("state").asText()).isEqualTo(state(TaskStatus.COMPLETED));
    assertThat(task.path("artifacts").get(0).path("parts").get(0).path("text").asText()).isEqualTo("echo: hello");
    assertThat(task.path("history").get(0).path("role").asText()).isEqualTo("ROLE_USER");
    assertThat(task.path("contextId").asText()).isNotBlank();
    assertThat(agent.received.get(0).input()).isEqualTo("hello");
    assertThat(agent.received.get(0).id().value()).isEqualTo(task.path("id").asText());
  }

  @Test
  void sendMessage_mapsContextSkillAndMetadataOntoTheSwarmTask() throws Exception {
    rpc.call("SendMessage", "{\"message\":{\"messageId\":\"m1\",\"contextId\":\"ctx-9\",\"role\":\"ROLE_USER\","
        + "\"parts\":[{\"text\":\"a\"},{\"data\":{\"k\":1}}],\"metadata\":{\"skill\":\"echo\",\"n\":2,\"correlationId\":\"corr-1\"}}}");
    var task = agent.received.get(0);
    assertThat(task.correlationId()).isEqualTo("corr-1");
    assertThat(task.metadata()).containsEntry("a2a.principal", "anonymous").containsEntry("a2a.messageId", "m1");
    assertThat(task.contextId().value()).isEqualTo("ctx-9");
    assertThat(task.skill()).isEqualTo("echo");
    assertThat(task.metadata()).containsEntry("n", "2");
    assertThat(task.input()).isEqualTo("a\n{\"k\":1}");
  }

  @Test
  void sendMessage_returnImmediately_answersBeforeTheTaskEnds() throws Exception {
    JsonNode task = rpc.call("SendMessage", Rpc.send("slow job").replaceFirst("}}$", "},\"configuration\":{\"returnImmediately\":true}}"))
        .path("result").path("task");
    assertThat(task.path("status").path("state").asText()).isEqualTo(state(TaskStatus.WORKING));
  }

  @Test
  void sendMessage_failingAndInterruptedTasks_reportTheirStateAndReason() throws Exception {
    JsonNode failed = rpc.call("SendMessage", Rpc.send("fail now")).path("result").path("task");
    assertThat(failed.path("status").path("state").asText()).isEqualTo(state(TaskStatus.FAILED));
    assertThat(failed.path("status").path("message").path("parts").get(0).path("text").asText()).isEqualTo("scripted failure");
    JsonNode asked = rpc.call("SendMessage", Rpc.send("ask me")).path("result").path("task");
    assertThat(asked.path("status").path("state").asText()).isEqualTo(state(TaskStatus.INPUT_REQUIRED));
    JsonNode refused = rpc.call("SendMessage", Rpc.send("refuse it")).path("result").path("task");
    assertThat(refused.path("status").path("state").asText()).isEqualTo(state(TaskStatus.REJECTED));
  }

  @Test
  void sendStreamingMessage_sendsTaskFirstThenUpdatesInOrder_allWithTheRequestId() throws Exception {
    List<JsonNode> events = rpc.stream("SendStreamingMessage", Rpc.send("chunks please"));
    assertThat(events).allSatisfy(e -> {
      assertThat(e.path("jsonrpc").asText()).isEqualTo("2.0");
      assertThat(e.path("id").asInt()).isEqualTo(1);
    });
    assertThat(events.get(0).path("result").has("task")).isTrue();
    assertThat(events.get(0).path("result").path("task").path("status").path("state").asText()).isEqualTo(state(TaskStatus.SUBMITTED));
    List<String> kinds = new ArrayList<>();
    events.subList(1, events.size()).forEach(e -> kinds.add(e.path("result").fieldNames().next()));
    assertThat(kinds).containsExactly("statusUpdate", "artifactUpdate", "artifactUpdate", "statusUpdate");
    assertThat(events.get(3).path("result").path("artifactUpdate").path("append").asBoolean()).isTrue();
    assertThat(events.get(3).path("result").path("artifactUpdate").path("lastChunk").asBoolean()).isTrue();
    assertThat(events.getLast().path("result").path("statusUpdate").path("status").path("state").asText())
        .isEqualTo(state(TaskStatus.COMPLETED));
  }

  @Test
  void getTask_historyLength_limitsHistory() throws Exception {
    String id = rpc.call("SendMessage", Rpc.send("fail please")).path("result").path("task").path("id").asText();
    JsonNode all = rpc.call("GetTask", "{\"id\":\"" + id + "\"}").path("result");
    // The user's message, the agent's "started" note and its failure reason.
    assertThat(all.path("history")).hasSize(3);
    JsonNode last = rpc.call("GetTask", "{\"id\":\"" + id + "\",\"historyLength\":1}").path("result");
    assertThat(last.path("history")).hasSize(1);
    assertThat(last.path("history").get(0).path("parts").get(0).path("text").asText()).isEqualTo("scripted failure");
    JsonNode none = rpc.call("GetTask", "{\"id\":\"" + id + "\",\"historyLength\":0}").path("result");
    assertThat(none.has("history")).isFalse();
  }

  @Test
  void getTask_unknownId_isTaskNotFoundWithErrorInfo() throws Exception {
    JsonNode error = rpc.call("GetTask", "{\"id\":\"nope\"}").path("error");
    assertThat(error.path("code").asInt()).isEqualTo(-32001);
    assertThat(error.path("data").get(0).path("@type").asText()).isEqualTo("type.googleapis.com/google.rpc.ErrorInfo");
    assertThat(error.path("data").get(0).path("reason").asText()).isEqualTo("TASK_NOT_FOUND");
    assertThat(error.path("data").get(0).path("domain").asText()).isEqualTo("a2a-protocol.org");
    assertThat(error.path("data").get(0).path("metadata").path("taskId").asText()).isEqualTo("nope");
  }

  @Test
  void listTasks_filtersByContextAndStatus_andPagesWithoutRepeats() throws Exception {
    for (int i = 0; i < 5; i++) {
      rpc.call("SendMessage", "{\"message\":{\"messageId\":\"l" + i + "\",\"contextId\":\"" + (i < 3 ? "c1" : "c2")
          + "\",\"role\":\"ROLE_USER\",\"parts\":[{\"text\":\"" + (i == 0 ? "fail" : "ok") + "\"}]}}");
    }
    JsonNode c1 = rpc.call("ListTasks", "{\"contextId\":\"c1\"}").path("result");
    assertThat(c1.path("tasks")).hasSize(3);
    assertThat(c1.path("totalSize").asInt()).isEqualTo(3);
    assertThat(c1.path("nextPageToken").asText()).isEmpty();
    assertThat(c1.path("tasks").get(0).has("artifacts")).isFalse();
    JsonNode failed = rpc.call("ListTasks", "{\"status\":\"TASK_STATE_FAILED\"}").path("result");
    assertThat(failed.path("tasks")).hasSize(1);

    List<String> seen = new ArrayList<>();
    JsonNode page = rpc.call("ListTasks", "{\"pageSize\":2}").path("result");
    int pages = 1;
    page.path("tasks").forEach(t -> seen.add(t.path("id").asText()));
    while (!page.path("nextPageToken").asText().isEmpty()) {
      page = rpc.call("ListTasks", "{\"pageSize\":2,\"pageToken\":\"" + page.path("nextPageToken").asText() + "\"}").path("result");
      page.path("tasks").forEach(t -> seen.add(t.path("id").asText()));
      pages++;
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(5).doesNotHaveDuplicates();
  }

  @Test
  void listTasks_badPageSizeOrToken_isInvalidParamsNamingIt() throws Exception {
    assertThat(rpc.call("ListTasks", "{\"pageSize\":0}").path("error").path("message").asText()).contains("pageSize");
    JsonNode error = rpc.call("ListTasks", "{\"pageToken\":\"garbage\"}").path("error");
    assertThat(error.path("code").asInt()).isEqualTo(-32602);
    assertThat(error.path("message").asText()).contains("pageToken");
  }

  @Test
  void cancelTask_running_endsCanceled_andIsIdempotent() throws Exception {
    String id = rpc.call("SendMessage", Rpc.send("slow one").replaceFirst("}}$", "},\"configuration\":{\"returnImmediately\":true}}"))
        .path("result").path("task").path("id").asText();
    JsonNode canceled = rpc.call("CancelTask", "{\"id\":\"" + id + "\"}").path("result");
    assertThat(canceled.path("status").path("state").asText()).isEqualTo(state(TaskStatus.CANCELED));
    JsonNode again = rpc.call("CancelTask", "{\"id\":\"" + id + "\"}").path("result");
    assertThat(again.path("status").path("state").asText()).isEqualTo(state(TaskStatus.CANCELED));
  }

  @Test
  void cancelTask_completed_isNotCancelable() throws Exception {
    String id = rpc.call("SendMessage", Rpc.send("done")).path("result").path("task").path("id").asText();
    JsonNode error = rpc.call("CancelTask", "{\"id\":\"" + id + "\"}").path("error");
    assertThat(error.path("code").asInt()).isEqualTo(-32002);
    assertThat(error.path("data").get(0).path("reason").asText()).isEqualTo("TASK_NOT_CANCELABLE");
  }

  @Test
  void cancelTask_inputRequired_endsCanceled() throws Exception {
    String id = rpc.call("SendMessage", Rpc.send("ask")).path("result").path("task").path("id").asText();
    JsonNode canceled = rpc.call("CancelTask", "{\"id\":\"" + id + "\"}").path("result");
    assertThat(canceled.path("status").path("state").asText()).isEqualTo(state(TaskStatus.CANCELED));
  }

  @Test
  void subscribeToTask_running_streamsUntilCanceled_terminalIsUnsupported() throws Exception {
    String id = rpc.call("SendMessage", Rpc.send("slow two").replaceFirst("}}$", "},\"configuration\":{\"returnImmediately\":true}}"))
        .path("result").path("task").path("id").asText();
    CompletableFuture<List<JsonNode>> stream = CompletableFuture.supplyAsync(() -> {
      try {
        return new Rpc(server.baseUrl()).stream("SubscribeToTask", "{\"id\":\"" + id + "\"}");
      } catch (Exception e) {
        throw new IllegalStateException("stream failed", e);
      }
    });
    await().atMost(Duration.ofSeconds(10)).until(() -> server.state().inFlight.get() == 1);
    rpc.call("CancelTask", "{\"id\":\"" + id + "\"}");
    List<JsonNode> events = stream.get();
    assertThat(events.get(0).path("result").path("task").path("status").path("state").asText()).isEqualTo(state(TaskStatus.WORKING));
    assertThat(events.getLast().path("result").path("statusUpdate").path("status").path("state").asText()).isEqualTo(state(TaskStatus.CANCELED));

    JsonNode error = rpc.call("SubscribeToTask", "{\"id\":\"" + id + "\"}").path("error");
    assertThat(error.path("code").asInt()).isEqualTo(-32004);
  }

  @Test
  void sendMessage_followUpOnTask_isUnsupportedOrNotFound() throws Exception {
    String id = rpc.call("SendMessage", Rpc.send("x")).path("result").path("task").path("id").asText();
    String followUp = "{\"message\":{\"messageId\":\"f1\",\"taskId\":\"" + id + "\",\"role\":\"ROLE_USER\",\"parts\":[{\"text\":\"more\"}]}}";
    assertThat(rpc.call("SendMessage", followUp).path("error").path("code").asInt()).isEqualTo(-32004);
    assertThat(rpc.call("SendMessage", followUp.replace(id, "unknown")).path("error").path("code").asInt()).isEqualTo(-32001);
  }

  @Test
  void sendMessage_fileParts_areContentTypeNotSupported() throws Exception {
    JsonNode error = rpc.call("SendMessage",
        "{\"message\":{\"messageId\":\"u\",\"role\":\"ROLE_USER\",\"parts\":[{\"url\":\"https://x/y.png\"}]}}").path("error");
    assertThat(error.path("code").asInt()).isEqualTo(-32005);
    assertThat(error.path("message").asText()).contains("parts[0]");
  }

  @Test
  void sendMessage_overlongContextId_isInvalidParamsAndStartsNothing() throws Exception {
    JsonNode error = rpc.call("SendMessage", "{\"message\":{\"messageId\":\"c\",\"contextId\":\"" + "c".repeat(300)
        + "\",\"role\":\"ROLE_USER\",\"parts\":[{\"text\":\"x\"}]}}").path("error");
    assertThat(error.path("code").asInt()).isEqualTo(-32602);
    assertThat(error.path("message").asText()).contains("contextId");
    assertThat(agent.submissions).hasValue(0);
  }

  @Test
  void sendMessage_missingMessageId_isInvalidParams() throws Exception {
    JsonNode error = rpc.call("SendMessage", "{\"message\":{\"role\":\"ROLE_USER\",\"parts\":[{\"text\":\"x\"}]}}").path("error");
    assertThat(error.path("code").asInt()).isEqualTo(-32602);
    assertThat(error.path("message").asText()).contains("messageId");
  }

  @Test
  void sendMessage_sameMessageIdConcurrentlyOverHttp_runsOnceAndReturnsOneTask() throws Exception {
    List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 64; i++) {
        calls.add(CompletableFuture.supplyAsync(() -> {
          try {
            return rpc.call("SendMessage", Rpc.send("same work", "dup-http"));
          } catch (Exception e) {
            throw new IllegalStateException("call failed", e);
          }
        }, pool));
      }
      List<String> ids = calls.stream().map(CompletableFuture::join).map(r -> r.path("result").path("task").path("id").asText()).toList();
      assertThat(ids).doesNotContain("").containsOnly(ids.get(0));
    }
    assertThat(agent.submissions).hasValue(1);
  }

  @Test
  void dispatch_thousandConcurrentDuplicates_runOnceAndReturnOneTask() throws Exception {
    // The dispatcher behind every transport, hit by 1,000 threads released at once.
    JsonRpc.Call call = JsonRpc.parse(Rpc.JSON.readTree(rpc.envelope("SendMessage", Rpc.send("same work", "dup-1000"))), "1.0");
    RpcDispatcher.Caller caller = new RpcDispatcher.Caller(Authenticator.ANONYMOUS, server::baseUrl);
    CountDownLatch gate = new CountDownLatch(1);
    List<CompletableFuture<RpcDispatcher.Outcome>> outcomes = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 1000; i++) {
        outcomes.add(CompletableFuture.supplyAsync(() -> {
          try {
            gate.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
          }
          return server.state().dispatcher.dispatch(call, caller).join();
        }, pool));
      }
      gate.countDown();
      List<String> ids = outcomes.stream().map(CompletableFuture::join)
          .map(o -> ((RpcDispatcher.Reply) o).result().path("task").path("id").asText()).toList();
      assertThat(ids).hasSize(1000).doesNotContain("").containsOnly(ids.get(0));
    }
    assertThat(agent.submissions).hasValue(1);
  }

  @Test
  void version_unsupportedHeader_isVersionNotSupported() throws Exception {
    JsonNode error = rpc.version("2.0").call("GetTask", "{\"id\":\"x\"}").path("error");
    assertThat(error.path("code").asInt()).isEqualTo(-32009);
    assertThat(error.path("data").get(0).path("reason").asText()).isEqualTo("VERSION_NOT_SUPPORTED");
  }

  @Test
  void version_noHeader_serves03MethodsAndShapes() throws Exception {
    rpc.version(null);
    JsonNode task = rpc.call("message/send",
        "{\"message\":{\"kind\":\"message\",\"messageId\":\"o1\",\"role\":\"user\",\"parts\":[{\"kind\":\"text\",\"text\":\"old\"}]}}").path("result");
    assertThat(task.path("kind").asText()).isEqualTo("task");
    assertThat(task.path("status").path("state").asText()).isEqualTo("completed");
    assertThat(task.path("artifacts").get(0).path("parts").get(0).path("kind").asText()).isEqualTo("text");
    JsonNode got = rpc.call("tasks/get", "{\"id\":\"" + task.path("id").asText() + "\"}").path("result");
    assertThat(got.path("history").get(0).path("role").asText()).isEqualTo("user");

    List<JsonNode> events = rpc.version("").stream("message/stream",
        "{\"message\":{\"kind\":\"message\",\"messageId\":\"o2\",\"role\":\"user\",\"parts\":[{\"kind\":\"text\",\"text\":\"old\"}]}}");
    assertThat(events.get(0).path("result").path("kind").asText()).isEqualTo("task");
    assertThat(events.getLast().path("result").path("kind").asText()).isEqualTo("status-update");
    assertThat(events.getLast().path("result").path("final").asBoolean()).isTrue();
  }

  @Test
  void version_10Header_refuses03MethodNames() throws Exception {
    JsonNode error = rpc.call("message/send", Rpc.send("x")).path("error");
    assertThat(error.path("code").asInt()).isEqualTo(-32601);
    assertThat(error.path("message").asText()).contains("0.3");
  }

  @Test
  void extendedCard_notConfigured_isError32007() throws Exception {
    assertThat(rpc.call("GetExtendedAgentCard", "{}").path("error").path("code").asInt()).isEqualTo(-32007);
  }

  @Test
  void probes_reportHealthAndReadiness() throws Exception {
    assertThat(rpc.get("/healthz").statusCode()).isEqualTo(200);
    assertThat(rpc.get("/readyz").statusCode()).isEqualTo(200);
    assertThat(rpc.get("/nowhere").statusCode()).isEqualTo(404);
  }

  @Test
  void close_withACallInFlight_letsItFinish() throws Exception {
    CompletableFuture<JsonNode> blocking = CompletableFuture.supplyAsync(() -> {
      try {
        return rpc.call("SendMessage", Rpc.send("slow three"));
      } catch (Exception e) {
        throw new IllegalStateException("call failed", e);
      }
    });
    await().atMost(Duration.ofSeconds(10)).until(() -> agent.currentLoad() == 1);
    CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
    await().atMost(Duration.ofSeconds(10)).until(() -> server.state().draining());
    assertThat(closing).isNotDone();
    // The in-flight task ends now: its caller still gets the answer.
    cancelAllRunning();
    assertThat(blocking.get().path("result").path("task").path("status").path("state").asText()).isEqualTo(state(TaskStatus.CANCELED));
    closing.get();
  }

  private void cancelAllRunning() throws Exception {
    // The task id is known only to the server; find it through the agent's received tasks.
    String id = agent.received.getLast().id().value();
    server.state().dispatcher.dispatch(
        JsonRpc.parse(Rpc.JSON.readTree(rpc.envelope("CancelTask", "{\"id\":\"" + id + "\"}")), "1.0"),
        new RpcDispatcher.Caller(Authenticator.ANONYMOUS, server::baseUrl)).get();
  }

  @Test
  void meters_recordCallsByMethodAndOutcome() throws Exception {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (A2aServer metered = A2aServer.builder().agent(agent).ioThreads(1).meterRegistry(meters).build()) {
      metered.start();
      Rpc client = new Rpc(metered.baseUrl());
      client.call("SendMessage", Rpc.send("m"));
      client.call("GetTask", "{\"id\":\"nope\"}");
      assertThat(meters.get("a2a.server.calls").tags("method", "send", "outcome", "ok").timer().count()).isEqualTo(1);
      assertThat(meters.get("a2a.server.calls").tags("method", "get", "outcome", "-32001").timer().count()).isEqualTo(1);
      assertThat(meters.get("a2a.server.tasks").gauge().value()).isEqualTo(1.0);
    }
  }

  @Test
  void severalAgents_taskGoesToTheAgentWithItsSkill_unknownSkillIsRefused() throws Exception {
    ScriptedAgent translator = new ScriptedAgent("translate");
    try (A2aServer both = A2aServer.builder().agent(agent).agent(translator).ioThreads(1).build()) {
      both.start();
      Rpc client = new Rpc(both.baseUrl());
      JsonNode card = Rpc.JSON.readTree(client.get("/.well-known/agent-card.json").body());
      assertThat(card.path("skills").findValuesAsText("id")).containsExactly("echo", "translate");
      String withSkill = "{\"message\":{\"messageId\":\"s1\",\"role\":\"ROLE_USER\",\"parts\":[{\"text\":\"hola\"}],\"metadata\":{\"skill\":\"%s\"}}}";
      client.call("SendMessage", withSkill.formatted("translate"));
      assertThat(translator.submissions).hasValue(1);
      assertThat(agent.submissions).hasValue(0);
      JsonNode error = client.call("SendMessage", withSkill.formatted("juggle").replace("s1", "s2")).path("error");
      assertThat(error.path("code").asInt()).isEqualTo(-32602);
      assertThat(error.path("message").asText()).contains("juggle").contains("echo, translate");
    }
  }

  @Test
  void builder_badSettings_areRejectedNamingTheSetting() {
    assertThatThrownBy(() -> A2aServer.builder().port(70_000)).hasMessageContaining("port").hasMessageContaining("70000");
    assertThatThrownBy(() -> A2aServer.builder().maxJsonDepth(0)).hasMessageContaining("maxJsonDepth");
    assertThatThrownBy(() -> A2aServer.builder().idleTimeout(Duration.ZERO)).hasMessageContaining("idleTimeout");
    assertThatThrownBy(() -> A2aServer.builder().build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("agent");
    assertThatThrownBy(() -> A2aServer.builder().agent(agent).idleTimeout(Duration.ofSeconds(5)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idleTimeout").hasMessageContaining("blockingTimeout");
    assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
  }
}
