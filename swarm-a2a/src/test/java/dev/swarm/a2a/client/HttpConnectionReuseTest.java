package dev.swarm.a2a.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swarm.a2a.server.A2aServer;
import dev.swarm.api.Task;
import dev.swarm.api.TaskResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** RemoteAgent over HTTP+SSE against swarm's server: a stream that ends with its task keeps its connection. */
class HttpConnectionReuseTest {
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final A2aServer server = A2aServer.builder().agent(new EchoAgent(executor)).meterRegistry(meters).build();

  @AfterEach
  void tearDown() {
    server.close();
    executor.shutdownNow();
  }

  private double openConnections() {
    return meters.get("a2a.server.connections").gauge().value();
  }

  @Test
  void submit_streamEndsWithTheTask_connectionStaysOpenForTheNextTask() throws Exception {
    server.start();
    try (RemoteAgent agent = RemoteAgent.builder().baseUrl(server.baseUrl()).build()) {
      TaskResult first = agent.submit(Task.of("one")).result().get(10, TimeUnit.SECONDS);
      assertThat(first.isCompleted()).isTrue();
      // An aborted stream closes its connection at once; a settled one is back in the client's pool.
      await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> openConnections() == 1);

      TaskResult second = agent.submit(Task.of("two")).result().get(10, TimeUnit.SECONDS);
      assertThat(second.output()).isEqualTo("Echo: two");
      assertThat(openConnections()).as("the second task reused the first one's connection").isEqualTo(1);
    }
  }
}
