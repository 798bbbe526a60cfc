package dev.swarm.api;

/**
 * Receives a task's streamed updates.
 *
 * <p>Called on the thread that produced the update (the agent's worker thread, or a transport
 * thread for a remote agent), in order, one at a time for a given task. Implementations must
 * return quickly and must not block; hand heavy work to an executor.
 */
@FunctionalInterface
public interface TaskUpdateListener {
  /** A listener that ignores every update. */
  TaskUpdateListener NONE = update -> {};

  /** Receives one update. Exceptions thrown here are logged and otherwise ignored. */
  void onUpdate(TaskUpdate update);
}
