package dev.swarm.vector;

/**
 * Counts of a {@link SemanticCache} since it was built.
 *
 * @param exactHits lookups answered by the exact tier
 * @param semanticHits lookups answered by a similar prompt
 * @param misses lookups not answered
 * @param vetoed misses where a similar enough prompt was found but a {@link Guard} refused it:
 *     the false hits caught
 * @param expired answers dropped because their time to live ran out
 * @param evicted answers dropped to stay within the maximum size
 * @param invalidated answers dropped by {@link SemanticCache#invalidate}
 * @param size answers held now
 */
public record SemanticCacheStats(
    long exactHits, long semanticHits, long misses, long vetoed, long expired, long evicted,
    long invalidated, long size) {

  /** Hits over lookups, or 0 before the first lookup. */
  public double hitRate() {
    long lookups = exactHits + semanticHits + misses;
    return lookups == 0 ? 0 : (double) (exactHits + semanticHits) / lookups;
  }
}
