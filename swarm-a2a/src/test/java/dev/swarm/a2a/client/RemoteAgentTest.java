package dev.swarm.a2a.client;

import static dev.swarm.a2a.client.ScriptedA2aServer.artifactUpdate;
import static dev.swarm.a2a.client.ScriptedA2aServer.bareResult;
import static dev.swarm.a2a.client.ScriptedA2aServer.data;
import static dev.swarm.a2a.client.ScriptedA2aServer.json;
import static dev.swarm.a2a.client.ScriptedA2aServer.result;
import static dev.swarm.a2a.client.ScriptedA2aServer.sse;
import static dev.swarm.a2a.client.ScriptedA2aServer.statusUpdate;
import static dev.swarm.a2a.client.ScriptedA2aServer.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarm.api.RateLimitedException;
import dev.swarm.api.SwarmException;
import dev.swarm.api.Task;
import dev.swarm.api.TaskResult;
import dev.swarm.api.TaskStatus;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** RemoteAgent against a scripted HTTP peer: retries, resumption, timeouts, limits and headers. */
class RemoteAgentTest {
  private final CountDownLatch release = new CountDownLatch(1);
  private ScriptedA2aServer server;
  private RemoteAgent agent;

  @AfterEach
  void tearDown() {
    release.countDown();
    if (agent != null) {
      agent.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private RemoteAgent.Builder builder(boolean streaming) throws Exception {
    server = new ScriptedA2aServer(streaming);
    return RemoteAgent.builder().baseUrl(server.baseUrl()).retryBackoff(Duration.ZERO).timeout(Duration.ofSeconds(10));
  }

  private static TaskResult await(RemoteTaskHandle handle) throws Exception {
    return handle.result().get(10, TimeUnit.SECONDS);
  }

  @Test
  void submit_peerAnswers503ThenSucceeds_retriesWithTheSameMessageId() throws Exception {
    agent = builder(false).maxRetries(2).build();
    AtomicInteger calls = new AtomicInteger();
    server.respond((request, exchange) -> {
      if (calls.incrementAndGet() == 1) {
        ScriptedA2aServer.send(exchange, 503, "text/plain", "warming up");
      } else {
        json(exchange, result(request.id(), "task", task("r-1", "TASK_STATE_COMPLETED", "done")));
      }
    });
    Task task = Task.of("work");

    TaskResult result = await(agent.submit(task));

    assertThat(result.status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(result.output()).isEqualTo("done");
    assertThat(server.methods()).containsExactly("SendMessage", "SendMessage");
    assertThat(server.requests()).extracting(ScriptedA2aServer.Request::messageId)
        .containsExactly(task.id().value(), task.id().value());
  }

  @Test
  void submit_streamCutAfterTaskNamed_resubscribesInsteadOfResending() throws Exception {
    agent = builder(true).maxRetries(1).build();
    server.respond((request, exchange) -> {
      if (request.method().equals("SendStreamingMessage")) {
        sse(exchange, data(result(request.id(), "task", task("r-7", "TASK_STATE_WORKING", null))));
      } else {
        sse(exchange,
            data(result(request.id(), "task", task("r-7", "TASK_STATE_WORKING", null))),
            data(result(request.id(), "artifactUpdate", artifactUpdate("r-7", "resumed", false, true))),
            data(result(request.id(), "statusUpdate", statusUpdate("r-7", "TASK_STATE_COMPLETED"))));
      }
    });

    RemoteTaskHandle handle = agent.submit(Task.of("work"));
    TaskResult result = await(handle);

    assertThat(result.status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(result.output()).isEqualTo("resumed");
    assertThat(server.methods()).containsExactly("SendStreamingMessage", "SubscribeToTask");
    assertThat(server.requests().get(1).params().path("id").asText()).isEqualTo("r-7");
    assertThat(handle.remoteTaskId()).contains("r-7");
  }

  @Test
  void submit_peerKeepsTheStreamOpenAfterTheEnd_completesAtTheTerminalEvent() throws Exception {
    agent = builder(true).build();
    server.respond((request, exchange) -> {
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(data(result(request.id(), "task", task("r-9", "TASK_STATE_COMPLETED", "done"))).getBytes(StandardCharsets.UTF_8));
        out.flush();
        release.await(); // the stream stays open for as long as the test runs
      }
    });

    TaskResult result = await(agent.submit(Task.of("work")));

    assertThat(result.status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(result.output()).isEqualTo("done");
  }

  @Test
  void submit_peerDiesMidTask_endsFailedAndMarkedRetriable() throws Exception {
    agent = builder(true).maxRetries(1).build();
    server.respond((request, exchange) -> {
      if (request.method().equals("SendStreamingMessage")) {
        sse(exchange, data(result(request.id(), "task", task("r-9", "TASK_STATE_WORKING", null))));
      } else {
        ScriptedA2aServer.send(exchange, 503, "text/plain", "shutting down");
      }
    });

    RemoteTaskHandle handle = agent.submit(Task.of("work"));
    TaskResult result = await(handle);

    assertThat(result.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(result.metadata()).containsEntry(TaskResult.RETRIABLE, "true").containsEntry(RemoteAgent.REMOTE_TASK_ID, "r-9");
    assertThat(handle.failure()).get().isInstanceOf(SwarmException.Retriable.class);
    assertThat(result.error()).contains("HTTP 503");
    assertThat(agent.currentLoad()).isZero();
  }

  @Test
  void submit_peerGoneAfterCardFetch_endsFailedRetriableAfterRetries() throws Exception {
    agent = builder(true).maxRetries(2).build();
    server.close();

    RemoteTaskHandle handle = agent.submit(Task.of("work"));
    TaskResult result = await(handle);

    assertThat(result.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(result.metadata()).containsEntry(TaskResult.RETRIABLE, "true");
    assertThat(result.error()).contains("unreachable");
  }

  @Test
  void submit_peerNeverAnswers_timesOutAsRetriableAndFreesTheSlot() throws Exception {
    agent = builder(false).maxRetries(0).timeout(Duration.ofMillis(300)).build();
    server.respond((request, exchange) -> release.await());

    RemoteTaskHandle handle = agent.submit(Task.of("work"));
    TaskResult result = await(handle);

    assertThat(result.status()).isEqualTo(TaskStatus.FAILED);
    // Either the HTTP request's timeout or the task's own deadline fires first; both name the limit.
    assertThat(result.error()).contains("PT0.3S");
    assertThat(result.metadata()).containsEntry(TaskResult.RETRIABLE, "true");
    assertThat(agent.currentLoad()).isZero();
  }

  @Test
  void submit_deadlineAlreadyPassed_timesOutAtOnce() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    agent = builder(false).clock(clock).build();
    server.respond((request, exchange) -> release.await());
    Task late = Task.builder("work").deadline(clock.instant().minusSeconds(1)).build();

    TaskResult result = await(agent.submit(late));

    assertThat(result.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(result.error()).contains("timed out");
  }

  @Test
  void submit_rateLimited_retriesAndSucceeds() throws Exception {
    agent = builder(false).maxRetries(1).build();
    AtomicInteger calls = new AtomicInteger();
    server.respond((request, exchange) -> {
      if (calls.incrementAndGet() == 1) {
        exchange.getResponseHeaders().set("Retry-After", "0");
        ScriptedA2aServer.send(exchange, 429, "text/plain", "slow down");
      } else {
        json(exchange, result(request.id(), "task", task("r-2", "TASK_STATE_COMPLETED", "ok")));
      }
    });

    assertThat(await(agent.submit(Task.of("work"))).output()).isEqualTo("ok");
  }

  @Test
  void submit_rateLimitedWithoutRetries_failureCarriesRetryAfter() throws Exception {
    agent = builder(false).maxRetries(0).build();
    server.respond((request, exchange) -> {
      exchange.getResponseHeaders().set("Retry-After", "7");
      ScriptedA2aServer.send(exchange, 429, "text/plain", "slow down");
    });

    RemoteTaskHandle handle = agent.submit(Task.of("work"));
    await(handle);

    assertThat(handle.failure()).get().isInstanceOfSatisfying(RateLimitedException.class,
        limited -> assertThat(limited.retryAfter()).contains(Duration.ofSeconds(7)));
  }

  @Test
  void submit_agentRepliesWithMessage_completesWithItsText() throws Exception {
    agent = builder(false).build();
    server.respond((request, exchange) -> {
      ObjectNode message = JsonRpc.JSON.createObjectNode().put("messageId", "m").put("role", "ROLE_AGENT");
      message.putArray("parts").addObject().put("text", "direct answer");
      json(exchange, result(request.id(), "message", message));
    });

    TaskResult result = await(agent.submit(Task.of("question")));

    assertThat(result.status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(result.output()).isEqualTo("direct answer");
  }

  @Test
  void submit_sendsVersionHeaderCredentialsTenantAndTaskFields() throws Exception {
    server = new ScriptedA2aServer(false);
    server.card(ScriptedA2aServer.card(false, server.baseUrl() + "/rpc", "acme"));
    server.respond((request, exchange) ->
        json(exchange, result(request.id(), "task", task("r-3", "TASK_STATE_COMPLETED", "ok"))));
    agent = RemoteAgent.builder().baseUrl(server.baseUrl()).apiKey("X-API-Key", "k-1").build();
    Task task = Task.builder("work").skill("s1").metadata("origin", "test").build();

    await(agent.submit(task));

    ScriptedA2aServer.Request sent = server.requests().get(0);
    assertThat(sent.headers().getFirst("A2A-Version")).isEqualTo("1.0");
    assertThat(sent.headers().getFirst("X-API-Key")).isEqualTo("k-1");
    assertThat(sent.params().path("tenant").asText()).isEqualTo("acme");
    assertThat(sent.params().path("message").path("contextId").asText()).isEqualTo(task.contextId().value());
    assertThat(sent.params().path("message").path("role").asText()).isEqualTo("ROLE_USER");
    assertThat(sent.params().path("message").path("parts").get(0).path("text").asText()).isEqualTo("work");
    assertThat(sent.params().path("message").path("metadata").path("skill").asText()).isEqualTo("s1");
    assertThat(sent.params().path("message").path("metadata").path("origin").asText()).isEqualTo("test");
    assertThat(sent.params().path("message").path("metadata").path("correlationId").asText())
        .isEqualTo(task.correlationId());
  }

  @Test
  void submit_atMaxLoad_refusesWithRetriable() throws Exception {
    agent = builder(false).maxLoad(1).build();
    server.respond((request, exchange) -> release.await());
    agent.submit(Task.of("first"));

    assertThatThrownBy(() -> agent.submit(Task.of("second")))
        .isInstanceOf(SwarmException.Retriable.class)
        .hasMessageContaining("maxLoad of 1");
    assertThat(agent.currentLoad()).isEqualTo(1);
  }

  @Test
  void cancel_streamingTask_sendsCancelTaskForTheRemoteId() throws Exception {
    agent = builder(true).build();
    CountDownLatch canceled = new CountDownLatch(1);
    server.respond((request, exchange) -> {
      if (request.method().equals("SendStreamingMessage")) {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        var out = exchange.getResponseBody();
        out.write(data(result(request.id(), "task", task("r-5", "TASK_STATE_WORKING", null))).getBytes());
        out.flush();
        canceled.await(10, TimeUnit.SECONDS);
        out.write(data(result(request.id(), "statusUpdate", statusUpdate("r-5", "TASK_STATE_CANCELED"))).getBytes());
        out.close();
      } else {
        json(exchange, bareResult(request.id(), task("r-5", "TASK_STATE_CANCELED", null)));
        canceled.countDown();
      }
    });

    RemoteTaskHandle handle = agent.submit(Task.of("long"));
    handle.cancel();

    assertThat(await(handle).status()).isEqualTo(TaskStatus.CANCELED);
    assertThat(server.methods()).contains("CancelTask");
    assertThat(server.requests()).filteredOn(r -> r.method().equals("CancelTask"))
        .allSatisfy(r -> assertThat(r.params().path("id").asText()).isEqualTo("r-5"));
  }

  @Test
  void cancel_afterCompletion_changesNothing() throws Exception {
    agent = builder(false).build();
    server.respond((request, exchange) ->
        json(exchange, result(request.id(), "task", task("r-6", "TASK_STATE_COMPLETED", "ok"))));
    RemoteTaskHandle handle = agent.submit(Task.of("work"));
    TaskResult result = await(handle);

    handle.cancel();

    assertThat(handle.result().join()).isEqualTo(result);
    assertThat(server.methods()).doesNotContain("CancelTask");
  }

  @Test
  void close_withTaskInFlight_endsItFailedRetriableAtOnce() throws Exception {
    agent = builder(false).build();
    server.respond((request, exchange) -> release.await());
    RemoteTaskHandle handle = agent.submit(Task.of("work"));

    agent.close();

    TaskResult result = await(handle);
    assertThat(result.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(result.metadata()).containsEntry(TaskResult.RETRIABLE, "true");
    assertThat(result.error()).contains("was closed");
    assertThat(agent.currentLoad()).isZero();
  }

  @Test
  void submit_sequentialTasks_reuseOneKeepAliveConnection() throws Exception {
    agent = builder(false).build();
    java.util.Set<Integer> clientPorts = java.util.concurrent.ConcurrentHashMap.newKeySet();
    server.respond((request, exchange) -> {
      clientPorts.add(exchange.getRemoteAddress().getPort());
      json(exchange, result(request.id(), "task", task("r-" + clientPorts.size(), "TASK_STATE_COMPLETED", "ok")));
    });

    for (int i = 0; i < 5; i++) {
      assertThat(await(agent.submit(Task.of("work " + i))).isCompleted()).isTrue();
    }

    assertThat(clientPorts).as("every call went over the same pooled connection").hasSize(1);
  }

  @Test
  void cancel_beforeTheStreamNamedTheTask_endsCanceledWhenTheSendFails() throws Exception {
    agent = builder(true).maxRetries(3).build();
    CountDownLatch received = new CountDownLatch(1);
    server.respond((request, exchange) -> {
      received.countDown();
      release.await();
      ScriptedA2aServer.send(exchange, 503, "text/plain", "never took it");
    });
    RemoteTaskHandle handle = agent.submit(Task.of("work"));
    assertThat(received.await(10, TimeUnit.SECONDS)).isTrue();

    handle.cancel();
    release.countDown();

    assertThat(await(handle).status()).isEqualTo(TaskStatus.CANCELED);
    assertThat(server.methods()).as("no retry after the caller canceled").containsExactly("SendStreamingMessage");
  }

  @Test
  void submit_blockingPeerAnswersBeforeTheTaskEnds_pollsGetTaskUntilItDoes() throws Exception {
    agent = builder(false).build();
    AtomicInteger polls = new AtomicInteger();
    server.respond((request, exchange) -> {
      if (request.method().equals("SendMessage")) {
        json(exchange, result(request.id(), "task", task("r-p", "TASK_STATE_WORKING", null)));
      } else if (polls.incrementAndGet() < 2) {
        json(exchange, bareResult(request.id(), task("r-p", "TASK_STATE_WORKING", null)));
      } else {
        json(exchange, bareResult(request.id(), task("r-p", "TASK_STATE_COMPLETED", "polled")));
      }
    });

    TaskResult result = await(agent.submit(Task.of("long")));

    assertThat(result.output()).isEqualTo("polled");
    assertThat(server.methods()).containsExactly("SendMessage", "GetTask", "GetTask");
    assertThat(server.requests().get(1).params().path("id").asText()).isEqualTo("r-p");
  }

  @Test
  void submit_afterClose_throwsIllegalState() throws Exception {
    agent = builder(false).build();
    agent.close();

    assertThatThrownBy(() -> agent.submit(Task.of("work")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }
}
