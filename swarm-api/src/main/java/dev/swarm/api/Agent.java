package dev.swarm.api;

/**
 * Anything that can take a task: a local {@code BaseAgent} subclass or an agent in another
 * process reached over A2A. Orchestrators talk to both through this one interface.
 *
 * <p>Implementations are thread-safe: {@link #submit} may be called from many threads at once.
 */
public interface Agent {
  /** What the agent says about itself. */
  AgentCard card();

  /** The agent's id, as on its card. */
  default String id() {
    return card().id();
  }

  /**
   * Accepts a task and starts it without blocking the caller. Updates stream to {@code listener}
   * as the task runs; the returned handle gives the final result and cancellation.
   *
   * @throws SwarmException if the agent cannot accept the task at all (stopped, overloaded with a
   *     reject policy, unreachable); a task that starts and then fails ends in a FAILED result
   */
  TaskHandle submit(Task task, TaskUpdateListener listener);

  /** Accepts a task without listening to its updates. */
  default TaskHandle submit(Task task) {
    return submit(task, TaskUpdateListener.NONE);
  }

  /** Tasks running now, as far as this process knows; used for least-loaded dispatch. */
  int currentLoad();

  /** The most tasks the agent runs at once. */
  int maxLoad();
}
