package dev.swarm.vector;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ordinals by metadata key and value, so a search restricted to one context or tenant can find
 * its few vectors without walking the graph.
 */
final class Postings {
  private final Map<String, Map<String, Set<Integer>>> byKey = new ConcurrentHashMap<>();

  void add(int ordinal, Map<String, String> metadata) {
    metadata.forEach(
        (key, value) ->
            // compute, not computeIfAbsent + add: a concurrent remove may drop an emptied set.
            byKey
                .computeIfAbsent(key, k -> new ConcurrentHashMap<>())
                .compute(value, (v, ordinals) -> {
                  Set<Integer> set = ordinals == null ? ConcurrentHashMap.newKeySet() : ordinals;
                  set.add(ordinal);
                  return set;
                }));
  }

  void remove(int ordinal, Map<String, String> metadata) {
    metadata.forEach(
        (key, value) -> {
          Map<String, Set<Integer>> byValue = byKey.get(key);
          if (byValue != null) {
            byValue.computeIfPresent(value, (v, ordinals) -> {
              ordinals.remove(ordinal);
              return ordinals.isEmpty() ? null : ordinals;
            });
          }
        });
  }

  /** The ordinals whose metadata maps {@code key} to {@code value}; a live view. */
  Set<Integer> lookup(String key, String value) {
    Map<String, Set<Integer>> byValue = byKey.get(key);
    if (byValue == null) {
      return Set.of();
    }
    return byValue.getOrDefault(value, Set.of());
  }
}
