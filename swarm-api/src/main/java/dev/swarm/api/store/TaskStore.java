package dev.swarm.api.store;

import dev.swarm.api.TaskId;
import java.util.Optional;

/**
 * Keeps tasks and their results so they can be looked up, listed and resumed, locally or by a
 * remote caller over A2A.
 *
 * <p>Called from agents' worker threads and transport threads; thread-safe and linearizable per
 * task. A task that reached a terminal status never changes again: saving it with another status
 * is refused.
 */
public interface TaskStore {
  /**
   * Inserts or replaces the record of {@code record.task().id()}.
   *
   * @throws IllegalStateException if the stored record is terminal and {@code record} differs
   */
  void save(TaskRecord record);

  /** The record of {@code id}, if stored. */
  Optional<TaskRecord> find(TaskId id);

  /**
   * One page of the records matching {@code query}, most recently updated first (ties by id).
   *
   * @throws IllegalArgumentException if the page token was not issued by this store for this query
   */
  TaskPage list(TaskQuery query);

  /** Removes the record of {@code id}; returns whether there was one. */
  boolean delete(TaskId id);
}
