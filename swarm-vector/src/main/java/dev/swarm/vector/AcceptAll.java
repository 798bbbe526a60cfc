package dev.swarm.vector;

import java.util.Map;

/** The filter that accepts everything, one instance so the index can skip filtering for it. */
enum AcceptAll implements VectorFilter {
  INSTANCE;

  @Override
  public boolean accepts(String id, Map<String, String> metadata) {
    return true;
  }
}
