package dev.swarm.api.inference;

import java.util.Optional;

/**
 * Remembers model answers so a repeated or equivalent request needs no model call.
 *
 * <p>Called on the caller's thread by the inference engine, before classification and after a
 * successful call. Thread-safe. Implementations must never return an answer filed under another
 * namespace or scope.
 */
public interface ResponseCache {
  /** Finds an answer for {@code key}, exact or equivalent. */
  Optional<CacheHit> lookup(CacheKey key);

  /** Files {@code result} under {@code key}; a later lookup of the same key finds it. */
  void store(CacheKey key, InferenceResult result);

  /** Forgets every answer in {@code namespace}. */
  void invalidate(String namespace);
}
