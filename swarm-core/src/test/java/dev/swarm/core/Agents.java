package dev.swarm.core;

import dev.swarm.api.AgentCard;
import dev.swarm.api.AgentRole;
import dev.swarm.api.Task;
import dev.swarm.api.TaskResult;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/** Small agents for tests. */
final class Agents {
  private Agents() {}

  /** Completes every task with what {@code answer} makes of it. */
  static BaseAgent answering(String id, String skill, AgentOptions options, Function<Task, String> answer) {
    return new BaseAgent(AgentCard.of(id, AgentRole.WORKER, skill), options) {
      @Override
      protected TaskResult process(Task task) {
        return TaskResult.completed(task.id(), answer.apply(task));
      }
    };
  }

  /** Echoes the task's input. */
  static BaseAgent echo(String id, String skill) {
    return answering(id, skill, AgentOptions.defaults(), t -> "echo: " + t.input());
  }

  /**
   * Signals {@code started} when a task begins, then blocks until {@code release} opens or the
   * thread is interrupted; counts interrupts in {@code interrupted}.
   */
  static BaseAgent blocking(String id, String skill, AgentOptions options, CountDownLatch started,
      CountDownLatch release, CountDownLatch interrupted) {
    return new BaseAgent(AgentCard.of(id, AgentRole.WORKER, skill), options) {
      @Override
      protected TaskResult process(Task task) throws InterruptedException {
        started.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          interrupted.countDown();
          throw e;
        }
        return TaskResult.completed(task.id(), "released " + task.input());
      }
    };
  }
}
