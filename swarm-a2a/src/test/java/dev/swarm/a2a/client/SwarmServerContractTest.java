package dev.swarm.a2a.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarm.a2a.server.A2aServer;
import dev.swarm.api.Agent;
import dev.swarm.api.Task;
import dev.swarm.api.TaskResult;
import dev.swarm.api.TaskStatus;
import dev.swarm.api.contract.AgentContract;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The swarm Agent contract met by a RemoteAgent in front of swarm's own A2A server, once over
 * JSON-RPC with SSE and once over the WebSocket binding.
 */
class SwarmServerContractTest {
  private static ExecutorService executor;
  private static EchoAgent echo;
  private static A2aServer server;

  @BeforeAll
  static void startServer() {
    executor = Executors.newVirtualThreadPerTaskExecutor();
    echo = new EchoAgent(executor);
    server = A2aServer.builder().agent(echo).host("127.0.0.1").port(0).bearerToken("t0k").build();
    server.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
    executor.shutdownNow();
  }

  private static RemoteAgent.Builder client() {
    return RemoteAgent.builder().baseUrl(server.baseUrl()).bearerToken("t0k");
  }

  @Nested
  class OverHttp extends AgentContract {
    private final RemoteAgent agent = client().build();

    @AfterEach
    void closeClient() {
      agent.close();
    }

    @Override
    protected Agent agent() {
      return agent;
    }

    @Override
    protected Task quickTask() {
      return Task.of("quick");
    }

    @Override
    protected Task slowTask() {
      return Task.of("slow");
    }

    @Test
    void card_mapsTheServedSkillsAndPicksJsonRpc() {
      assertThat(agent.card().hasSkill("echo")).isTrue();
      assertThat(agent.card().url().getScheme()).isEqualTo("http");
    }
  }

  @Nested
  class OverWebSocket extends AgentContract {
    private final RemoteAgent agent = client().preferWebSocket(true).build();

    @AfterEach
    void closeClient() {
      agent.close();
    }

    @Override
    protected Agent agent() {
      return agent;
    }

    @Override
    protected Task quickTask() {
      return Task.of("quick");
    }

    @Override
    protected Task slowTask() {
      return Task.of("slow");
    }

    @Test
    void submit_overWebSocket_streamsTheEchoAndPicksTheSocket() throws Exception {
      assertThat(agent.card().url().getScheme()).isEqualTo("ws");
      TaskResult result = agent.submit(Task.of("hi")).result().get(10, TimeUnit.SECONDS);
      assertThat(result.status()).isEqualTo(TaskStatus.COMPLETED);
      assertThat(result.output()).isEqualTo("Echo: hi");
    }

    @Test
    void submit_manyAtOnceOnOneSocket_allComplete() throws Exception {
      var handles = java.util.stream.IntStream.range(0, 12)
          .mapToObj(i -> agent.submit(Task.of("n" + i))).toList();
      for (int i = 0; i < handles.size(); i++) {
        assertThat(handles.get(i).result().get(10, TimeUnit.SECONDS).output()).isEqualTo("Echo: n" + i);
      }
    }
  }

  @Test
  void submit_sameTaskTwice_serverRunsItOnceBecauseTheMessageIdRepeats() throws Exception {
    try (RemoteAgent agent = client().build()) {
      Task task = Task.of("once");
      int before = echo.runs();
      TaskResult first = agent.submit(task).result().get(10, TimeUnit.SECONDS);
      TaskResult second = agent.submit(task).result().get(10, TimeUnit.SECONDS);

      assertThat(first.output()).isEqualTo("Echo: once");
      assertThat(second.output()).isEqualTo("Echo: once");
      assertThat(echo.runs() - before).isEqualTo(1);
    }
  }
}
