package dev.swarm.vector;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * One-byte-per-component copies of the index's unit vectors, by ordinal: what a graph walk scores
 * candidates on before the best few are rescored on the full vectors.
 *
 * <p>A walk scores a few hundred vectors in an order no cache can predict, so it waits on memory
 * more than it computes: a 384-d float vector spans 24 cache lines, its code 6. Each vector keeps
 * its own scale (its largest component becomes ±127), and the query stays in floats, so an
 * approximate score differs from the exact dot product by far less than neighbouring candidates
 * differ from each other. Codes sit in fixed-size chunks, so the table grows without copying and
 * readers never lock; a code is written before its ordinal joins the graph, and the graph's own
 * publication makes it visible to every walk that reaches the ordinal. Ordinals are never reused,
 * so a chunk whose ordinals have all left the graph is dropped: churn does not grow the table.
 */
final class Int8Vectors {
  private static final int CHUNK_BITS = 10;
  private static final int CHUNK_SIZE = 1 << CHUNK_BITS;

  /** The codes of {@link #CHUNK_SIZE} consecutive ordinals, back to back, and their scales. */
  private record Chunk(byte[] codes, float[] scales, AtomicInteger released) {}

  private final int dimension;
  private volatile AtomicReferenceArray<@Nullable Chunk> chunks = new AtomicReferenceArray<>(16);

  Int8Vectors(int dimension) {
    this.dimension = dimension;
  }

  /** Stores the code of {@code unit}, a unit-length vector of this table's dimension. */
  void set(int ordinal, float[] unit) {
    float largest = 0;
    for (float component : unit) {
      largest = Math.max(largest, Math.abs(component));
    }
    Chunk chunk = chunkFor(ordinal);
    int slot = ordinal & (CHUNK_SIZE - 1);
    float toCode = 127f / largest;
    int offset = slot * dimension;
    for (int i = 0; i < dimension; i++) {
      chunk.codes[offset + i] = (byte) Math.round(unit[i] * toCode);
    }
    chunk.scales[slot] = largest / 127f;
  }

  /**
   * The approximate dot products of {@code query} with the vectors at {@code ordinals[from ..
   * from + 4)}, into {@code into[from .. from + 4)}; scoring four at once lets their memory loads
   * overlap. Every ordinal must have been {@linkplain #set set}.
   */
  void dot4(float[] query, int[] ordinals, int from, float[] into) {
    AtomicReferenceArray<@Nullable Chunk> all = chunks;
    int a = ordinals[from];
    int b = ordinals[from + 1];
    int c = ordinals[from + 2];
    int d = ordinals[from + 3];
    Chunk chunkA = all.get(a >>> CHUNK_BITS);
    Chunk chunkB = all.get(b >>> CHUNK_BITS);
    Chunk chunkC = all.get(c >>> CHUNK_BITS);
    Chunk chunkD = all.get(d >>> CHUNK_BITS);
    int slotA = a & (CHUNK_SIZE - 1);
    int slotB = b & (CHUNK_SIZE - 1);
    int slotC = c & (CHUNK_SIZE - 1);
    int slotD = d & (CHUNK_SIZE - 1);
    DotProducts.int8x4(query, chunkA.codes, slotA * dimension, chunkB.codes, slotB * dimension,
        chunkC.codes, slotC * dimension, chunkD.codes, slotD * dimension, into, from);
    into[from] *= chunkA.scales[slotA];
    into[from + 1] *= chunkB.scales[slotB];
    into[from + 2] *= chunkC.scales[slotC];
    into[from + 3] *= chunkD.scales[slotD];
  }

  /**
   * Forgets the code at {@code ordinal}, which has left the graph for good; the chunk goes once
   * every ordinal in it has. Synchronized with the table's growth, which copies chunk references.
   */
  synchronized void release(int ordinal) {
    int index = ordinal >>> CHUNK_BITS;
    Chunk chunk = chunks.get(index);
    if (chunk != null && chunk.released.incrementAndGet() == CHUNK_SIZE) {
      chunks.set(index, null);
    }
  }

  /** How many chunks of codes are held; what {@link #release} frees shows here. */
  int chunksHeld() {
    AtomicReferenceArray<@Nullable Chunk> all = chunks;
    int held = 0;
    for (int i = 0; i < all.length(); i++) {
      if (all.get(i) != null) {
        held++;
      }
    }
    return held;
  }

  private Chunk chunkFor(int ordinal) {
    int index = ordinal >>> CHUNK_BITS;
    AtomicReferenceArray<@Nullable Chunk> all = chunks;
    if (index < all.length()) {
      Chunk chunk = all.get(index);
      if (chunk != null) {
        return chunk;
      }
    }
    synchronized (this) {
      all = chunks;
      if (index >= all.length()) {
        var grown = new AtomicReferenceArray<@Nullable Chunk>(Math.max(all.length() * 2, index + 1));
        for (int i = 0; i < all.length(); i++) {
          grown.set(i, all.get(i));
        }
        chunks = grown;
        all = grown;
      }
      Chunk chunk = all.get(index);
      if (chunk == null) {
        chunk = new Chunk(new byte[CHUNK_SIZE * dimension], new float[CHUNK_SIZE], new AtomicInteger());
        all.set(index, chunk);
      }
      return chunk;
    }
  }
}
