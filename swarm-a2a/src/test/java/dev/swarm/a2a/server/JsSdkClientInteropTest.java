package dev.swarm.a2a.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official A2A JS SDK client ({@code @a2a-js/sdk}, run with node) against this server on
 * loopback: it discovers the server from its card and sends, streams, gets, lists and cancels,
 * and gets typed errors. Skips, saying what is missing, only where node or the SDK is absent.
 */
class JsSdkClientInteropTest {
  private static final Path JS = Path.of("src/test/js");
  private static final ScriptedAgent AGENT = new ScriptedAgent();
  private static A2aServer server;
  private static final Map<String, JsonNode> checks = new HashMap<>();

  @BeforeAll
  static void runTheJsClient() throws Exception {
    Assumptions.assumeTrue(nodeAvailable(), "node is not on the PATH; install Node.js 20+ to run the JS SDK interop test");
    Assumptions.assumeTrue(Files.isDirectory(JS.resolve("node_modules/@a2a-js/sdk")),
        "src/test/js/node_modules/@a2a-js/sdk is missing; run npm ci --prefix swarm-a2a/src/test/js");
    server = A2aServer.builder().agent(AGENT).ioThreads(1).bearerToken("interop-token").build();
    server.start();
    ProcessBuilder builder = new ProcessBuilder("node", "client-interop.mjs").directory(JS.toFile()).redirectErrorStream(true);
    builder.environment().put("BASE_URL", server.baseUrl().toString());
    builder.environment().put("TOKEN", "interop-token");
    Process process = builder.start();
    List<String> output = new ArrayList<>();
    try (var reader = process.inputReader(StandardCharsets.UTF_8)) {
      reader.lines().forEach(output::add);
    }
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("node finished").isTrue();
    assertThat(process.exitValue()).as("node exit code; output:%n%s", String.join("\n", output)).isZero();
    for (String line : output) {
      JsonNode json = Rpc.JSON.readTree(line);
      checks.put(json.path("check").asText(), json);
    }
  }

  private static boolean nodeAvailable() {
    try {
      Process probe = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      probe.getInputStream().readAllBytes();
      return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static JsonNode check(String name) {
    assertThat(checks).as("the JS client reported " + name).containsKey(name);
    return checks.get(name);
  }

  @Test
  void card_isDiscoveredAndPicksJsonRpc10() {
    JsonNode card = check("card");
    assertThat(card.path("name").asText()).isEqualTo("Scripted agent");
    assertThat(card.path("streaming").asBoolean()).isTrue();
    assertThat(card.path("protocolVersion").asText()).isEqualTo("1.0");
  }

  @Test
  void send_returnsTheCompletedTask() {
    JsonNode task = check("send").path("task");
    assertThat(task.path("status").path("state").asText()).isEqualTo("TASK_STATE_COMPLETED");
    assertThat(task.path("artifacts").get(0).path("parts").get(0).path("text").asText()).isEqualTo("echo: hello from js");
    assertThat(task.path("contextId").asText()).isEqualTo("interop-ctx");
  }

  @Test
  void stream_deliversTaskThenUpdatesEndingCompleted() {
    JsonNode events = check("stream").path("events");
    assertThat(events.get(0).has("task")).isTrue();
    assertThat(events.get(events.size() - 1).path("statusUpdate").path("status").path("state").asText()).isEqualTo("TASK_STATE_COMPLETED");
    assertThat(events.findValues("artifactUpdate")).hasSize(2);
  }

  @Test
  void get_honoursHistoryLength() {
    JsonNode task = check("get").path("task");
    assertThat(task.path("status").path("state").asText()).isEqualTo("TASK_STATE_COMPLETED");
    assertThat(task.path("history")).hasSize(1);
  }

  @Test
  void list_returnsTheContextsTasks() {
    JsonNode page = check("list").path("page");
    assertThat(page.path("tasks").size()).isGreaterThanOrEqualTo(2);
    assertThat(page.path("tasks").findValuesAsText("contextId")).containsOnly("interop-ctx");
  }

  @Test
  void cancel_endsCanceled() {
    assertThat(check("cancel").path("task").path("status").path("state").asText()).isEqualTo("TASK_STATE_CANCELED");
  }

  @Test
  void typedErrors_reachTheSdkAsItsOwnErrorClasses() {
    assertThat(check("cancelCompleted").path("error").asText()).isEqualTo("JsonRpcTaskNotCancelableError");
    assertThat(check("getMissing").path("error").asText()).isEqualTo("JsonRpcTaskNotFoundError");
    assertThat(check("subscribeCompleted").path("error").asText()).isEqualTo("JsonRpcUnsupportedOperationError");
  }
}
