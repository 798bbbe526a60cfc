package dev.swarm.a2a.client;

import dev.swarm.api.Agent;
import dev.swarm.api.Task;
import dev.swarm.api.contract.AgentContract;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The swarm Agent contract, met by a RemoteAgent in front of the JS SDK server. */
class JsSdkAgentContractTest extends AgentContract {
  private static NodeA2aServer server;
  private static RemoteAgent agent;

  @BeforeAll
  static void start() throws Exception {
    server = NodeA2aServer.start(Map.of());
    agent = RemoteAgent.builder().baseUrl(server.baseUrl()).timeout(Duration.ofSeconds(20)).build();
  }

  @AfterAll
  static void stop() throws Exception {
    if (agent != null) {
      agent.close();
    }
    if (server != null) {
      server.close();
    }
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
}
