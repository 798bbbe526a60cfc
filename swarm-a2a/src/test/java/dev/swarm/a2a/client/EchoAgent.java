package dev.swarm.a2a.client;

import dev.swarm.api.Agent;
import dev.swarm.api.AgentCard;
import dev.swarm.api.AgentRole;
import dev.swarm.api.Task;
import dev.swarm.api.TaskHandle;
import dev.swarm.api.TaskId;
import dev.swarm.api.TaskResult;
import dev.swarm.api.TaskStatus;
import dev.swarm.api.TaskUpdate;
import dev.swarm.api.TaskUpdateListener;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local agent for the client-to-server tests: echoes its input in two chunks, or, for input
 * starting with "slow", works until canceled. Counts how many tasks it ran.
 */
final class EchoAgent implements Agent {
  private final Executor executor;
  private final AtomicInteger runs = new AtomicInteger();

  EchoAgent(Executor executor) {
    this.executor = executor;
  }

  int runs() {
    return runs.get();
  }

  @Override
  public AgentCard card() {
    return AgentCard.of("echo", AgentRole.WORKER, "echo");
  }

  @Override
  public TaskHandle submit(Task task, TaskUpdateListener listener) {
    runs.incrementAndGet();
    CompletableFuture<TaskResult> result = new CompletableFuture<>();
    executor.execute(() -> {
      listener.onUpdate(new TaskUpdate.StatusChanged(task.id(), TaskStatus.WORKING, "", Instant.EPOCH));
      if (task.input().startsWith("slow")) {
        return; // runs until canceled
      }
      listener.onUpdate(new TaskUpdate.ArtifactProduced(task.id(), "echo", "Echo: ", false, false, Instant.EPOCH));
      listener.onUpdate(new TaskUpdate.ArtifactProduced(task.id(), "echo", task.input(), true, true, Instant.EPOCH));
      result.complete(TaskResult.completed(task.id(), "Echo: " + task.input()));
    });
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
      public void cancel() {
        result.complete(TaskResult.canceled(task.id()));
      }
    };
  }

  @Override
  public int currentLoad() {
    return 0;
  }

  @Override
  public int maxLoad() {
    return 100;
  }
}
