package dev.swarm.vector;

import java.util.Map;

/** One vector as it is held and saved: id, components and metadata. */
record StoredVector(String id, float[] vector, Map<String, String> metadata) {
  StoredVector {
    metadata = Map.copyOf(metadata);
  }
}
