package dev.swarm.a2a.server;

import dev.swarm.api.Agent;
import dev.swarm.api.AgentCard;
import dev.swarm.api.AgentRole;
import dev.swarm.api.SwarmException;
import dev.swarm.api.Task;
import dev.swarm.api.TaskHandle;
import dev.swarm.api.TaskId;
import dev.swarm.api.TaskResult;
import dev.swarm.api.TaskStatus;
import dev.swarm.api.TaskUpdate;
import dev.swarm.api.TaskUpdateListener;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deterministic agent whose behaviour the input picks: {@code slow…} runs until canceled,
 * {@code fail…} fails, {@code ask…} needs input, {@code chunks…} streams two artifact chunks,
 * {@code refuse…} throws on submit, anything else completes at once with {@code "echo: " + input}.
 */
final class ScriptedAgent implements Agent {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  final AtomicInteger submissions = new AtomicInteger();
  final List<Task> received = new CopyOnWriteArrayList<>();
  private final Map<TaskId, Running> running = new ConcurrentHashMap<>();
  private final String skill;

  ScriptedAgent() {
    this("echo");
  }

  ScriptedAgent(String skill) {
    this.skill = skill;
  }

  @Override
  public AgentCard card() {
    return new AgentCard("scripted", "Scripted agent", "answers by script", "1.2.3", AgentRole.WORKER,
        List.of(dev.swarm.api.AgentSkill.of(skill)), null);
  }

  @Override
  public TaskHandle submit(Task task, TaskUpdateListener listener) {
    submissions.incrementAndGet();
    received.add(task);
    String input = task.input();
    if (input.startsWith("refuse")) {
      throw new SwarmException.Retriable("agent overloaded");
    }
    Running run = new Running(task.id());
    running.put(task.id(), run);
    listener.onUpdate(new TaskUpdate.StatusChanged(task.id(), TaskStatus.WORKING, "started", T0));
    if (input.startsWith("slow")) {
      return run;
    }
    if (input.startsWith("fail")) {
      run.result.complete(TaskResult.failed(task.id(), "scripted failure"));
    } else if (input.startsWith("ask")) {
      run.result.complete(new TaskResult(task.id(), TaskStatus.INPUT_REQUIRED, "which year?", null, Duration.ZERO, 0, Map.of()));
    } else if (input.startsWith("chunks")) {
      listener.onUpdate(new TaskUpdate.ArtifactProduced(task.id(), "story", "once ", false, false, T0));
      listener.onUpdate(new TaskUpdate.ArtifactProduced(task.id(), "story", "upon", true, true, T0));
      run.result.complete(TaskResult.completed(task.id(), "once upon"));
    } else {
      run.result.complete(TaskResult.completed(task.id(), "echo: " + input));
    }
    return run;
  }

  @Override
  public int currentLoad() {
    return (int) running.values().stream().filter(r -> !r.result.isDone()).count();
  }

  @Override
  public int maxLoad() {
    return 1_000_000;
  }

  private static final class Running implements TaskHandle {
    private final TaskId id;
    final CompletableFuture<TaskResult> result = new CompletableFuture<>();

    Running(TaskId id) {
      this.id = id;
    }

    @Override
    public TaskId taskId() {
      return id;
    }

    @Override
    public CompletableFuture<TaskResult> result() {
      return result;
    }

    @Override
    public void cancel() {
      result.complete(TaskResult.canceled(id));
    }
  }
}
