package dev.swarm.api.memory;

import dev.swarm.api.ContextId;
import java.util.List;
import java.util.Map;

/**
 * Shared context for the agents of a swarm: text stored per context and retrieved by meaning.
 * The research swarm keeps a task's plan and every subtask's result here, so each aggregator sees
 * the whole task.
 *
 * <p>Called from agents' worker threads (usually virtual threads); thread-safe. Implementations
 * that do CPU-heavy work (embedding, graph search) may hand it to a bounded platform pool and
 * block the caller until it is done. A search never returns entries of another context.
 */
public interface Memory {
  /** Stores {@code text} in {@code contextId} and returns the entry with its new id. */
  MemoryEntry put(ContextId contextId, String text, Map<String, String> metadata);

  /**
   * The at most {@code topK} entries of {@code contextId} closest to {@code query}, best first.
   *
   * @throws IllegalArgumentException if {@code topK} is less than one
   */
  List<MemoryHit> search(ContextId contextId, String query, int topK);

  /** Every entry of {@code contextId}, in insertion order. */
  List<MemoryEntry> entries(ContextId contextId);

  /** Forgets every entry of {@code contextId}. */
  void clear(ContextId contextId);
}
