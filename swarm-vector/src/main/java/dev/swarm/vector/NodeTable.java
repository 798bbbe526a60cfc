package dev.swarm.vector;

import io.github.jbellis.jvector.vector.types.VectorFloat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * The vectors of an index by graph ordinal, in fixed-size chunks so it grows without copying and
 * readers never lock. Ordinals are handed out once and never reused.
 */
final class NodeTable {
  private static final int CHUNK_BITS = 12;
  private static final int CHUNK_SIZE = 1 << CHUNK_BITS;

  /**
   * One vector in the graph. {@code deleted} flips once, when its id is removed or replaced.
   * {@code unit} has unit length so the graph can score by dot product, and {@code vector} is
   * jvector's view of the same array; {@code asAdded} keeps the caller's vector only when it was
   * not already unit length.
   */
  static final class Node {
    final String id;
    final float[] unit;
    final VectorFloat<?> vector;
    final float @Nullable [] asAdded;
    final Map<String, String> metadata;
    volatile boolean deleted;

    Node(String id, float[] unit, VectorFloat<?> vector, float @Nullable [] asAdded,
        Map<String, String> metadata) {
      this.id = id;
      this.unit = unit;
      this.vector = vector;
      this.asAdded = asAdded;
      this.metadata = metadata;
    }
  }

  private volatile AtomicReferenceArray<@Nullable AtomicReferenceArray<@Nullable Node>> chunks =
      new AtomicReferenceArray<>(16);

  @Nullable Node get(int ordinal) {
    AtomicReferenceArray<@Nullable AtomicReferenceArray<@Nullable Node>> all = chunks;
    int chunk = ordinal >>> CHUNK_BITS;
    if (chunk >= all.length()) {
      return null;
    }
    AtomicReferenceArray<@Nullable Node> nodes = all.get(chunk);
    return nodes == null ? null : nodes.get(ordinal & (CHUNK_SIZE - 1));
  }

  void set(int ordinal, @Nullable Node node) {
    chunkFor(ordinal).set(ordinal & (CHUNK_SIZE - 1), node);
  }

  private AtomicReferenceArray<@Nullable Node> chunkFor(int ordinal) {
    int chunk = ordinal >>> CHUNK_BITS;
    AtomicReferenceArray<@Nullable AtomicReferenceArray<@Nullable Node>> all = chunks;
    if (chunk < all.length()) {
      AtomicReferenceArray<@Nullable Node> nodes = all.get(chunk);
      if (nodes != null) {
        return nodes;
      }
    }
    synchronized (this) {
      all = chunks;
      if (chunk >= all.length()) {
        var grown = new AtomicReferenceArray<@Nullable AtomicReferenceArray<@Nullable Node>>(
            Math.max(all.length() * 2, chunk + 1));
        for (int i = 0; i < all.length(); i++) {
          grown.set(i, all.get(i));
        }
        chunks = grown;
        all = grown;
      }
      AtomicReferenceArray<@Nullable Node> nodes = all.get(chunk);
      if (nodes == null) {
        nodes = new AtomicReferenceArray<>(CHUNK_SIZE);
        all.set(chunk, nodes);
      }
      return nodes;
    }
  }
}
