package dev.swarm.api.memory;

import dev.swarm.api.Checks;
import dev.swarm.api.ContextId;
import java.util.Map;

/**
 * One piece of text held in shared memory.
 *
 * @param id unique id within the memory
 * @param contextId the context (namespace) it belongs to
 * @param text the content
 * @param metadata free-form attributes (source agent, subtask id, kind), copied and immutable
 */
public record MemoryEntry(String id, ContextId contextId, String text, Map<String, String> metadata) {
  /** Validates and copies. */
  public MemoryEntry {
    Checks.notBlank(id, "id");
    Checks.notNull(contextId, "contextId");
    Checks.notBlank(text, "text");
    metadata = Map.copyOf(Checks.notNull(metadata, "metadata"));
  }
}
