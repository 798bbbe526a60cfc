package dev.swarm.api.memory;

import dev.swarm.api.Checks;

/**
 * A memory entry found by a search, with how well it matched.
 *
 * @param entry the entry
 * @param score similarity to the query in [0, 1]; higher is closer
 */
public record MemoryHit(MemoryEntry entry, double score) {
  /** Validates. */
  public MemoryHit {
    Checks.notNull(entry, "entry");
    Checks.inRange(score, 0, 1, "score");
  }
}
