package dev.swarm.a2a.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarm.api.AgentSkill;
import dev.swarm.api.SwarmException;
import dev.swarm.api.Task;
import dev.swarm.api.TaskResult;
import dev.swarm.api.TaskStatus;
import dev.swarm.api.TaskUpdate;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Our client against the official A2A JS SDK server (server.mjs), an independent implementation. */
class JsSdkInteropTest {
  private static NodeA2aServer streamingServer;
  private static NodeA2aServer blockingServer;
  private static NodeA2aServer tokenServer;

  @BeforeAll
  static void startServers() throws Exception {
    streamingServer = NodeA2aServer.start(Map.of());
    blockingServer = NodeA2aServer.start(Map.of("STREAMING", "0"));
    tokenServer = NodeA2aServer.start(Map.of("TOKEN", "s3cret"));
  }

  @AfterAll
  static void stopServers() throws Exception {
    for (NodeA2aServer server : new NodeA2aServer[] {streamingServer, blockingServer, tokenServer}) {
      if (server != null) {
        server.close();
      }
    }
  }

  private static RemoteAgent agent(NodeA2aServer server, int maxRetries) {
    return RemoteAgent.builder()
        .baseUrl(server.baseUrl())
        .maxRetries(maxRetries)
        .retryBackoff(Duration.ZERO)
        .timeout(Duration.ofSeconds(20))
        .build();
  }

  private static TaskResult await(RemoteTaskHandle handle) throws Exception {
    return handle.result().get(20, TimeUnit.SECONDS);
  }

  @Test
  void card_fromJsServer_mapsNameSkillsAndStreaming() {
    try (RemoteAgent agent = agent(streamingServer, 0)) {
      assertThat(agent.card().name()).isEqualTo("js-echo");
      assertThat(agent.card().id()).isEqualTo("js-echo@127.0.0.1:" + streamingServer.baseUrl().getPort());
      assertThat(agent.card().skills())
          .containsExactly(new AgentSkill("echo", "Echo", "Repeats the input", List.of("test", "echo")));
      assertThat(agent.card().version()).isEqualTo("1.3.0");
      assertThat(agent.streaming()).isTrue();
    }
  }

  @Test
  void submit_streamingEcho_deliversChunksInOrderAndCompletes() throws Exception {
    List<TaskUpdate> updates = new CopyOnWriteArrayList<>();
    Task task = Task.builder("hello").skill("echo").build();
    try (RemoteAgent agent = agent(streamingServer, 0)) {
      TaskResult result = await(agent.submit(task, updates::add));

      assertThat(result.status()).isEqualTo(TaskStatus.COMPLETED);
      assertThat(result.output()).isEqualTo("Echo: hello");
      assertThat(result.metadata()).containsEntry(RemoteAgent.REMOTE_CONTEXT_ID, task.contextId().value());
      assertThat(updates)
          .filteredOn(TaskUpdate.ArtifactProduced.class::isInstance)
          .map(u -> (TaskUpdate.ArtifactProduced) u)
          .extracting(TaskUpdate.ArtifactProduced::text, TaskUpdate.ArtifactProduced::append, TaskUpdate.ArtifactProduced::lastChunk)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("Echo: ", false, false),
              org.assertj.core.groups.Tuple.tuple("hello", true, true));
      assertThat(updates)
          .filteredOn(TaskUpdate.StatusChanged.class::isInstance)
          .map(u -> (TaskUpdate.StatusChanged) u)
          .extracting(TaskUpdate.StatusChanged::status, TaskUpdate.StatusChanged::message)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(TaskStatus.SUBMITTED, ""),
              org.assertj.core.groups.Tuple.tuple(TaskStatus.WORKING, "working on skill echo"),
              org.assertj.core.groups.Tuple.tuple(TaskStatus.COMPLETED, ""));
      assertThat(agent.currentLoad()).isZero();
    }
  }

  @Test
  void submit_blockingServer_usesSendMessageAndMapsArtifacts() throws Exception {
    List<TaskUpdate> updates = new CopyOnWriteArrayList<>();
    try (RemoteAgent agent = agent(blockingServer, 0)) {
      assertThat(agent.streaming()).isFalse();
      TaskResult result = await(agent.submit(Task.of("plain"), updates::add));

      assertThat(result.status()).isEqualTo(TaskStatus.COMPLETED);
      assertThat(result.output()).isEqualTo("Echo: plain");
      assertThat(updates).last().isInstanceOfSatisfying(TaskUpdate.StatusChanged.class,
          last -> assertThat(last.status()).isEqualTo(TaskStatus.COMPLETED));
    }
  }

  @Test
  void submit_agentReportsFailure_endsFailedWithItsMessageAndNoTransportFailure() throws Exception {
    try (RemoteAgent agent = agent(streamingServer, 2)) {
      RemoteTaskHandle handle = agent.submit(Task.of("fail now"));
      TaskResult result = await(handle);

      assertThat(result.status()).isEqualTo(TaskStatus.FAILED);
      assertThat(result.error()).isEqualTo("failure requested");
      assertThat(result.metadata()).doesNotContainKey(TaskResult.RETRIABLE);
      assertThat(handle.failure()).isEmpty();
      assertThat(handle.remoteTaskId()).isPresent();
    }
  }

  @ParameterizedTest
  @CsvSource({
    "TaskNotFoundError, TASK_NOT_FOUND, -32001",
    "TaskNotCancelableError, TASK_NOT_CANCELABLE, -32002",
    "PushNotificationNotSupportedError, PUSH_NOTIFICATION_NOT_SUPPORTED, -32003",
    "UnsupportedOperationError, UNSUPPORTED_OPERATION, -32004",
    "ContentTypeNotSupportedError, CONTENT_TYPE_NOT_SUPPORTED, -32005",
    "InvalidAgentResponseError, INVALID_AGENT_RESPONSE, -32006",
    "ExtendedAgentCardNotConfiguredError, EXTENDED_AGENT_CARD_NOT_CONFIGURED, -32007",
    "ExtensionSupportRequiredError, EXTENSION_SUPPORT_REQUIRED, -32008",
    "VersionNotSupportedError, VERSION_NOT_SUPPORTED, -32009",
  })
  void submit_errorBeforeStream_plainJsonErrorBecomesTypedFailure(String sdkError, A2aError expected, int code)
      throws Exception {
    try (RemoteAgent agent = agent(streamingServer, 0)) {
      RemoteTaskHandle handle = agent.submit(Task.of("raise:" + sdkError));
      TaskResult result = await(handle);

      assertThat(result.status()).isEqualTo(TaskStatus.FAILED);
      assertThat(result.metadata())
          .containsEntry(RemoteAgent.ERROR_CODE, Integer.toString(code))
          .containsEntry(TaskResult.RETRIABLE, Boolean.toString(expected.isRetriable()));
      assertThat(handle.failure()).get().isInstanceOfSatisfying(A2aFailure.class, failure -> {
        assertThat(failure.error()).isEqualTo(expected);
        assertThat(failure.code()).isEqualTo(code);
      });
      assertThat(result.error()).contains(sdkError + " raised on request");
    }
  }

  @Test
  void submit_errorMidStream_sseFramedErrorBecomesTypedFailure() throws Exception {
    try (RemoteAgent agent = agent(streamingServer, 0)) {
      RemoteTaskHandle handle = agent.submit(Task.of("raise-midstream:TaskNotCancelableError"));
      TaskResult result = await(handle);

      assertThat(result.status()).isEqualTo(TaskStatus.FAILED);
      assertThat(handle.failure()).get().isInstanceOf(A2aPermanentException.class)
          .extracting(f -> ((A2aFailure) f).error()).isEqualTo(A2aError.TASK_NOT_CANCELABLE);
      assertThat(handle.remoteTaskId()).as("the first event named the task").isPresent();
    }
  }

  @Test
  void submit_retriableErrorMidStream_resubscribesInsteadOfSendingAgain() throws Exception {
    Task task = Task.of("raise-midstream:InvalidAgentResponseError");
    try (RemoteAgent agent = agent(streamingServer, 2)) {
      // -32006 is retriable, and the first event named the task: the retries resubscribe to it.
      // The JS server stopped recording the task when its stream failed, so it never finishes.
      RemoteTaskHandle handle = agent.submit(task);
      TaskResult result = await(handle);

      assertThat(result.status()).isEqualTo(TaskStatus.FAILED);
      assertThat(result.metadata()).containsEntry(TaskResult.RETRIABLE, "true");
      assertThat(handle.failure()).get().isInstanceOf(SwarmException.Retriable.class);
    }
    assertThat(tasksInContext(streamingServer, task.contextId().value()))
        .as("the message was sent once; retries never created a second task")
        .isEqualTo(1);
  }

  /** How many tasks the JS server holds for a context, asked with a raw ListTasks call. */
  private static int tasksInContext(NodeA2aServer server, String contextId) throws Exception {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ListTasks\",\"params\":{\"contextId\":\""
        + contextId + "\"}}";
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> response = http.send(
          HttpRequest.newBuilder(server.baseUrl().resolve("/"))
              .header("Content-Type", "application/json")
              .header("A2A-Version", "1.0")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      return JsonRpc.JSON.readTree(response.body()).path("result").path("tasks").size();
    }
  }

  @Test
  void submit_withoutToken_failsPermanentlyNamingTheFix() throws Exception {
    try (RemoteAgent agent = agent(tokenServer, 2)) {
      RemoteTaskHandle handle = agent.submit(Task.of("hello"));
      TaskResult result = await(handle);

      assertThat(result.status()).isEqualTo(TaskStatus.FAILED);
      assertThat(handle.failure()).get().isInstanceOf(SwarmException.Permanent.class);
      assertThat(result.error()).contains("HTTP 401").contains("bearerToken");
    }
  }

  @Test
  void submit_withBearerToken_completes() throws Exception {
    try (RemoteAgent agent = RemoteAgent.builder().baseUrl(tokenServer.baseUrl()).bearerToken("s3cret").build()) {
      assertThat(await(agent.submit(Task.of("hello"))).output()).isEqualTo("Echo: hello");
    }
  }

  @Test
  void cancel_blockingServer_endsCanceledWithoutWaitingForThePeer() throws Exception {
    try (RemoteAgent agent = agent(blockingServer, 0)) {
      RemoteTaskHandle handle = agent.submit(Task.of("slow"));
      handle.cancel();

      assertThat(await(handle).status()).isEqualTo(TaskStatus.CANCELED);
      assertThat(agent.currentLoad()).isZero();
    }
  }
}
