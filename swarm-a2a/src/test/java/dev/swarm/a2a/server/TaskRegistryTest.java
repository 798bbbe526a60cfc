package dev.swarm.a2a.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarm.a2a.server.TaskModel.Message;
import dev.swarm.a2a.server.TaskModel.Part;
import dev.swarm.api.ContextId;
import dev.swarm.api.TaskId;
import dev.swarm.api.TaskResult;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class TaskRegistryTest {
  private static final Clock CLOCK = Clock.fixed(ScriptedAgent.T0, ZoneOffset.UTC);

  private static TaskEntry entry(String id) {
    TaskId taskId = TaskId.of(id);
    ContextId context = ContextId.of("c");
    return new TaskEntry(taskId, context, "owner", new Message("m-" + id, false, List.of(Part.text("x")), taskId, context), Map.of(), CLOCK);
  }

  private static void complete(TaskEntry entry) {
    entry.attach(new dev.swarm.api.TaskHandle() {
      @Override
      public TaskId taskId() {
        return entry.id;
      }

      @Override
      public CompletableFuture<TaskResult> result() {
        return CompletableFuture.completedFuture(TaskResult.completed(entry.id, "done"));
      }

      @Override
      public void cancel() {}
    });
  }

  @Test
  void admit_beyondMaxTasks_forgetsOldestFinishedTasksButKeepsRunningOnes() {
    TaskRegistry registry = new TaskRegistry(2);
    TaskEntry running = registry.admit("owner", "m1", () -> entry("t1"));
    TaskEntry finished = registry.admit("owner", "m2", () -> entry("t2"));
    complete(finished);
    registry.admit("owner", "m3", () -> entry("t3"));
    assertThat(registry.size()).isEqualTo(2);
    assertThat(registry.find("t1", "owner")).contains(running);
    assertThat(registry.find("t2", "owner")).isEmpty();
    assertThat(registry.find("t3", "owner")).isPresent();
    // The forgotten message id is free again.
    assertThat(registry.admit("owner", "m2", () -> entry("t4")).id.value()).isEqualTo("t4");
  }

  @Test
  void admit_sameMessageFromSameOwner_returnsTheFirstEntry() {
    TaskRegistry registry = new TaskRegistry(10);
    TaskEntry first = registry.admit("owner", "m1", () -> entry("t1"));
    assertThat(registry.admit("owner", "m1", () -> entry("t2"))).isSameAs(first);
    assertThat(registry.admit("other", "m1", () -> entry("t3"))).isNotSameAs(first);
  }
}
