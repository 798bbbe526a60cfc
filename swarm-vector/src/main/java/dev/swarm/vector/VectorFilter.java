package dev.swarm.vector;

import java.util.Map;
import java.util.Objects;

/**
 * Which vectors a search may return, decided from their id and metadata.
 *
 * <p>Called on the searching thread for every candidate the graph walk meets, so it must be cheap
 * and must not block. Filters built with {@link #metadataEquals} let the index look the matching
 * vectors up directly and scan them exactly when they are few (one context among many), which is
 * both faster and exact where a graph walk would have to wade through rejected nodes.
 */
@FunctionalInterface
public interface VectorFilter {
  /** Whether the vector added under {@code id} with {@code metadata} may be returned. */
  boolean accepts(String id, Map<String, String> metadata);

  /** A filter that accepts everything. */
  static VectorFilter all() {
    return AcceptAll.INSTANCE;
  }

  /** Accepts the vectors whose metadata maps {@code key} to {@code value}. */
  static VectorFilter metadataEquals(String key, String value) {
    return new MetadataEquals(key, value, all());
  }

  /** Accepts what both this filter and {@code other} accept. */
  default VectorFilter and(VectorFilter other) {
    Objects.requireNonNull(other, "other must not be null");
    VectorFilter self = this;
    return (id, metadata) -> self.accepts(id, metadata) && other.accepts(id, metadata);
  }
}
