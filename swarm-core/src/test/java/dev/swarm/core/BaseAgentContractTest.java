package dev.swarm.core;

import dev.swarm.api.Agent;
import dev.swarm.api.AgentCard;
import dev.swarm.api.AgentRole;
import dev.swarm.api.Task;
import dev.swarm.api.TaskResult;
import dev.swarm.api.contract.AgentContract;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;

class BaseAgentContractTest extends AgentContract {
  private final ExecutorPool pool = ExecutorPool.builder().name("contract").cpuWorkers(1).ioConcurrency(16).build();
  private final BaseAgent agent = new BaseAgent(AgentCard.of("contract-agent", AgentRole.WORKER, "work"), AgentOptions.defaults()) {
    @Override
    protected TaskResult process(Task task) throws InterruptedException {
      if (task.input().startsWith("slow")) {
        new CountDownLatch(1).await(); // never opens: only the contract's cancel ends it
      }
      return TaskResult.completed(task.id(), "done: " + task.input());
    }
  };

  BaseAgentContractTest() {
    agent.start(AgentContext.builder().pool(pool).build());
  }

  @AfterEach
  void stop() {
    agent.stop();
    pool.shutdown(Duration.ofSeconds(5));
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
