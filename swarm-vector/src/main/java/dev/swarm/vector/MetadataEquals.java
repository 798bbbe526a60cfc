package dev.swarm.vector;

import java.util.Map;
import java.util.Objects;

/** An equality on one metadata key, plus a further condition; the index looks these up directly. */
record MetadataEquals(String key, String value, VectorFilter rest) implements VectorFilter {
  MetadataEquals {
    Objects.requireNonNull(key, "key must not be null");
    Objects.requireNonNull(value, "value must not be null");
    Objects.requireNonNull(rest, "rest must not be null");
  }

  @Override
  public boolean accepts(String id, Map<String, String> metadata) {
    return value.equals(metadata.get(key)) && rest.accepts(id, metadata);
  }

  @Override
  public VectorFilter and(VectorFilter other) {
    return new MetadataEquals(key, value, rest.and(other));
  }
}
