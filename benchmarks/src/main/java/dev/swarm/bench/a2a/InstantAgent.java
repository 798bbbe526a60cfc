package dev.swarm.bench.a2a;

import dev.swarm.api.Agent;
import dev.swarm.api.AgentCard;
import dev.swarm.api.AgentRole;
import dev.swarm.api.Task;
import dev.swarm.api.TaskHandle;
import dev.swarm.api.TaskId;
import dev.swarm.api.TaskResult;
import dev.swarm.api.TaskUpdateListener;
import java.util.concurrent.CompletableFuture;

/** An agent that answers at once, so a round trip measures transport and protocol only. */
final class InstantAgent implements Agent {
  private final AgentCard card = AgentCard.of("instant", AgentRole.WORKER, "echo");

  @Override
  public AgentCard card() {
    return card;
  }

  @Override
  public TaskHandle submit(Task task, TaskUpdateListener listener) {
    CompletableFuture<TaskResult> result = CompletableFuture.completedFuture(TaskResult.completed(task.id(), "Echo: " + task.input()));
    return new TaskHandle() {
      @Override
      public TaskId taskId() {
        return task.id();
      }

      @Override
      public CompletableFuture<TaskResult> result() {
        return result;
      }

      @Override
      public void cancel() {}
    };
  }

  @Override
  public int currentLoad() {
    return 0;
  }

  @Override
  public int maxLoad() {
    return Integer.MAX_VALUE;
  }
}
