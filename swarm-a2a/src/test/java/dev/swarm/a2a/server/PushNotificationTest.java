package dev.swarm.a2a.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhook configs and delivery against a real HTTP receiver on loopback, and the SSRF guard. */
class PushNotificationTest {
  private record Delivery(Map<String, List<String>> headers, JsonNode body) {}

  private final ScriptedAgent agent = new ScriptedAgent();
  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  private HttpServer receiver;
  private String hook;

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext("/hook", exchange -> {
      deliveries.add(new Delivery(exchange.getRequestHeaders(), Rpc.JSON.readTree(exchange.getRequestBody())));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    receiver.start();
    hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
  }

  private String slowTask(Rpc rpc) throws Exception {
    return rpc.call("SendMessage", Rpc.send("slow push").replaceFirst("}}$", "},\"configuration\":{\"returnImmediately\":true}}"))
        .path("result").path("task").path("id").asText();
  }

  @Test
  void webhook_receivesTheTaskThenItsUpdatesWithAuthentication() throws Exception {
    try (A2aServer server = A2aServer.builder().agent(agent).ioThreads(1).allowPrivateWebhooks(true).build()) {
      server.start();
      Rpc rpc = new Rpc(server.baseUrl());
      String id = slowTask(rpc);
      JsonNode created = rpc.call("CreateTaskPushNotificationConfig", "{\"taskId\":\"" + id + "\",\"id\":\"cfg-1\",\"url\":\"" + hook
          + "\",\"token\":\"tok-1\",\"authentication\":{\"scheme\":\"Bearer\",\"credentials\":\"secret-1\"}}").path("result");
      assertThat(created.path("id").asText()).isEqualTo("cfg-1");
      assertThat(created.path("authentication").path("scheme").asText()).isEqualTo("Bearer");
      rpc.call("CancelTask", "{\"id\":\"" + id + "\"}");

      await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.size() == 2);
      assertThat(deliveries.get(0).body().path("task").path("id").asText()).isEqualTo(id);
      assertThat(deliveries.get(1).body().path("statusUpdate").path("status").path("state").asText()).isEqualTo("TASK_STATE_CANCELED");
      Map<String, List<String>> headers = deliveries.get(0).headers();
      assertThat(headers.get("Authorization")).containsExactly("Bearer secret-1");
      assertThat(headers.get("Content-type")).containsExactly("application/a2a+json");
      assertThat(headers.get("X-a2a-notification-token")).containsExactly("tok-1");
    }
  }

  @Test
  void configs_getListDelete_deleteIsIdempotent() throws Exception {
    try (A2aServer server = A2aServer.builder().agent(agent).ioThreads(1).allowPrivateWebhooks(true).build()) {
      server.start();
      Rpc rpc = new Rpc(server.baseUrl());
      String id = slowTask(rpc);
      String generated = rpc.call("CreateTaskPushNotificationConfig", "{\"taskId\":\"" + id + "\",\"url\":\"" + hook + "\"}")
          .path("result").path("id").asText();
      assertThat(generated).isNotBlank();
      assertThat(rpc.call("GetTaskPushNotificationConfig", "{\"taskId\":\"" + id + "\",\"id\":\"" + generated + "\"}")
          .path("result").path("url").asText()).isEqualTo(hook);
      assertThat(rpc.call("ListTaskPushNotificationConfigs", "{\"taskId\":\"" + id + "\"}").path("result").path("configs")).hasSize(1);
      String delete = "{\"taskId\":\"" + id + "\",\"id\":\"" + generated + "\"}";
      assertThat(rpc.call("DeleteTaskPushNotificationConfig", delete).path("result").isNull()).isTrue();
      assertThat(rpc.call("DeleteTaskPushNotificationConfig", delete).has("error")).isFalse();
      assertThat(rpc.call("GetTaskPushNotificationConfig", delete).path("error").path("code").asInt()).isEqualTo(-32001);
    }
  }

  @Test
  void configs_in03Shapes_roundTrip() throws Exception {
    try (A2aServer server = A2aServer.builder().agent(agent).ioThreads(1).allowPrivateWebhooks(true).build()) {
      server.start();
      Rpc rpc = new Rpc(server.baseUrl()).version(null);
      String id = rpc.call("message/send", "{\"message\":{\"kind\":\"message\",\"messageId\":\"o\",\"role\":\"user\","
          + "\"parts\":[{\"kind\":\"text\",\"text\":\"slow old\"}]},\"configuration\":{\"blocking\":false}}").path("result").path("id").asText();
      JsonNode set = rpc.call("tasks/pushNotificationConfig/set", "{\"taskId\":\"" + id + "\",\"pushNotificationConfig\":{\"id\":\"p1\",\"url\":\""
          + hook + "\",\"authentication\":{\"schemes\":[\"Bearer\"],\"credentials\":\"c\"}}}").path("result");
      assertThat(set.path("taskId").asText()).isEqualTo(id);
      assertThat(set.path("pushNotificationConfig").path("authentication").path("schemes").get(0).asText()).isEqualTo("Bearer");
      assertThat(rpc.call("tasks/pushNotificationConfig/get", "{\"id\":\"" + id + "\",\"pushNotificationConfigId\":\"p1\"}")
          .path("result").path("pushNotificationConfig").path("url").asText()).isEqualTo(hook);
      assertThat(rpc.call("tasks/pushNotificationConfig/list", "{\"id\":\"" + id + "\"}").path("result")).hasSize(1);
      assertThat(rpc.call("tasks/pushNotificationConfig/delete", "{\"id\":\"" + id + "\",\"pushNotificationConfigId\":\"p1\"}")
          .path("result").isNull()).isTrue();
      assertThat(rpc.call("tasks/pushNotificationConfig/list", "{\"id\":\"" + id + "\"}").path("result")).isEmpty();
    }
  }

  @Test
  void webhookToInternalAddress_isRefusedByDefault() throws Exception {
    try (A2aServer server = A2aServer.builder().agent(agent).ioThreads(1).build()) {
      server.start();
      Rpc rpc = new Rpc(server.baseUrl());
      String id = slowTask(rpc);
      JsonNode error = rpc.call("CreateTaskPushNotificationConfig", "{\"taskId\":\"" + id + "\",\"url\":\"" + hook + "\"}").path("error");
      assertThat(error.path("code").asInt()).isEqualTo(-32602);
      assertThat(error.path("message").asText()).contains("internal address");
      JsonNode scheme = rpc.call("CreateTaskPushNotificationConfig", "{\"taskId\":\"" + id + "\",\"url\":\"file:///etc/passwd\"}").path("error");
      assertThat(scheme.path("message").asText()).contains("http or https");
      assertThat(rpc.call("ListTaskPushNotificationConfigs", "{\"taskId\":\"" + id + "\"}").path("result").path("configs")).isEmpty();
    }
  }

  @Test
  void pushDisabled_isError32003() throws Exception {
    try (A2aServer server = A2aServer.builder().agent(agent).ioThreads(1).pushNotifications(false).build()) {
      server.start();
      Rpc rpc = new Rpc(server.baseUrl());
      String id = slowTask(rpc);
      assertThat(rpc.call("CreateTaskPushNotificationConfig", "{\"taskId\":\"" + id + "\",\"url\":\"" + hook + "\"}")
          .path("error").path("code").asInt()).isEqualTo(-32003);
    }
  }

  @Test
  void inlineConfig_onSendMessage_deliversEveryEvent() throws Exception {
    try (A2aServer server = A2aServer.builder().agent(agent).ioThreads(1).allowPrivateWebhooks(true).build()) {
      server.start();
      JsonNode task = new Rpc(server.baseUrl()).call("SendMessage", Rpc.send("inline").replaceFirst("}}$",
          "},\"configuration\":{\"taskPushNotificationConfig\":{\"url\":\"" + hook + "\"}}}")).path("result").path("task");
      assertThat(task.path("status").path("state").asText()).isEqualTo("TASK_STATE_COMPLETED");
      // task, WORKING, artifact, COMPLETED
      await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.size() == 4);
      assertThat(deliveries.getLast().body().path("statusUpdate").path("status").path("state").asText()).isEqualTo("TASK_STATE_COMPLETED");
    }
  }

  @Test
  void guard_classifiesInternalAddresses() throws Exception {
    for (String internal : List.of("10.1.2.3", "192.168.0.1", "172.16.0.1", "169.254.169.254", "127.0.0.1", "::1", "fc00::1", "100.64.0.1", "0.0.0.0")) {
      assertThat(WebhookGuard.isInternal(InetAddress.getByName(internal))).as(internal).isTrue();
    }
    for (String external : List.of("8.8.8.8", "1.1.1.1", "2001:4860:4860::8888")) {
      assertThat(WebhookGuard.isInternal(InetAddress.getByName(external))).as(external).isFalse();
    }
  }
}
