package dev.swarm.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarm.api.Agent;
import dev.swarm.api.Task;
import dev.swarm.api.TaskHandle;
import dev.swarm.api.TaskResult;
import dev.swarm.api.TaskStatus;
import dev.swarm.api.TaskUpdate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Agent}, local or remote, must show. Extend it with an agent that
 * completes {@link #quickTask()} and keeps working on {@link #slowTask()} until canceled.
 */
public abstract class AgentContract {
  /** A running agent under test. */
  protected abstract Agent agent();

  /** A task the agent completes promptly. */
  protected abstract Task quickTask();

  /** A task the agent is still working on when the test cancels it. */
  protected abstract Task slowTask();

  /** How long to wait for a result. */
  protected Duration timeout() {
    return Duration.ofSeconds(10);
  }

  @Test
  void submit_quickTask_completesWithOutput() throws Exception {
    Task task = quickTask();
    TaskResult result = agent().submit(task).result().get(timeout().toMillis(), TimeUnit.MILLISECONDS);
    assertThat(result.taskId()).isEqualTo(task.id());
    assertThat(result.status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(result.output()).isNotBlank();
  }

  @Test
  void submit_streamsStatusUpdatesEndingTerminal() throws Exception {
    List<TaskUpdate> updates = new CopyOnWriteArrayList<>();
    Task task = quickTask();
    agent().submit(task, updates::add).result().get(timeout().toMillis(), TimeUnit.MILLISECONDS);
    List<TaskStatus> statuses =
        updates.stream()
            .filter(u -> u instanceof TaskUpdate.StatusChanged)
            .map(u -> ((TaskUpdate.StatusChanged) u).status())
            .toList();
    assertThat(statuses).isNotEmpty();
    assertThat(statuses.get(statuses.size() - 1)).isEqualTo(TaskStatus.COMPLETED);
    assertThat(updates).allSatisfy(u -> assertThat(u.taskId()).isEqualTo(task.id()));
  }

  @Test
  void cancel_runningTask_endsCanceled() throws Exception {
    TaskHandle handle = agent().submit(slowTask());
    handle.cancel();
    TaskResult result = handle.result().get(timeout().toMillis(), TimeUnit.MILLISECONDS);
    assertThat(result.status()).isEqualTo(TaskStatus.CANCELED);
  }

  @Test
  void cancel_twice_isHarmless() throws Exception {
    TaskHandle handle = agent().submit(slowTask());
    handle.cancel();
    handle.cancel();
    assertThat(handle.result().get(timeout().toMillis(), TimeUnit.MILLISECONDS).status())
        .isEqualTo(TaskStatus.CANCELED);
  }

  @Test
  void card_hasIdAndLoadIsWithinMax() {
    assertThat(agent().card().id()).isNotBlank();
    assertThat(agent().currentLoad()).isBetween(0, agent().maxLoad());
  }
}
