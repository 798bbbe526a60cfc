package dev.swarm.a2a.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarm.a2a.server.A2aServer;
import dev.swarm.api.SwarmException;
import dev.swarm.api.Task;
import dev.swarm.api.TaskResult;
import dev.swarm.api.TaskStatus;
import dev.swarm.api.TaskUpdate;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A WebSocket peer that goes away mid-task: the task must end retriable, not hang. */
class WebSocketPeerLossTest {
  @Test
  void submit_serverStopsMidTask_endsFailedRetriable() throws Exception {
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      A2aServer server = A2aServer.builder()
          .agent(new EchoAgent(executor)).host("127.0.0.1").port(0)
          .shutdownGracePeriod(Duration.ofMillis(50))
          .build();
      server.start();
      CountDownLatch working = new CountDownLatch(1);
      try (RemoteAgent agent = RemoteAgent.builder()
          .baseUrl(server.baseUrl()).preferWebSocket(true).maxRetries(1).retryBackoff(Duration.ZERO).build()) {
        RemoteTaskHandle handle = agent.submit(Task.of("slow"), update -> {
          if (update instanceof TaskUpdate.StatusChanged changed && changed.status() == TaskStatus.WORKING) {
            working.countDown();
          }
        });
        assertThat(working.await(10, TimeUnit.SECONDS)).isTrue();

        server.close();

        TaskResult result = handle.result().get(10, TimeUnit.SECONDS);
        assertThat(result.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(result.metadata()).containsEntry(TaskResult.RETRIABLE, "true");
        assertThat(handle.failure()).get().isInstanceOf(SwarmException.Retriable.class);
      }
    }
  }
}
