package dev.swarm.vector;

import io.github.jbellis.jvector.graph.ImmutableGraphIndex;
import io.github.jbellis.jvector.graph.NodesIterator;
import io.github.jbellis.jvector.graph.OnHeapGraphIndex;
import io.github.jbellis.jvector.util.Bits;
import java.util.Arrays;

/**
 * A best-first walk over jvector's graph on {@link Int8Vectors} scores, with the best candidates
 * rescored on the full vectors at the end; each instance is one thread's scratch space, reused
 * search after search.
 *
 * <p>The walk has the usual shape (greedy through the upper layers, a beam of {@code width} on the
 * bottom one, stop when the best unexpanded candidate cannot enter the beam) but none of jvector's
 * searcher's costs: that one reads full float vectors one at a time and keeps its bookkeeping in
 * hash sets and callbacks. Here a node's unvisited neighbours are scored four at a time, so their
 * memory loads overlap; candidates are {@code long}s whose high half orders like the score and
 * whose low half is the ordinal; and visited marks are bits, small enough to stay in the nearest
 * cache, cleared word by word where a search set them.
 */
final class GraphWalk {
  /** The full unit-length vectors the best candidates are rescored on. */
  @FunctionalInterface
  interface UnitVectors {
    float[] unit(int ordinal);
  }

  private long[] visited = new long[1024];
  // The words of visited that hold marks, so clearing costs what the search visited, not the index size.
  private int[] markedWords = new int[256];
  private int markedCount;
  private long[] frontier = new long[64];
  private int frontierSize;
  private long[] beam = new long[64];
  private int beamSize;
  // The neighbours being scored and their scores; four is the rescoring's group.
  private int[] batch = new int[32];
  private float[] batchScores = new float[32];
  private final float[] four = new float[4];

  /**
   * Walks {@code graph} towards {@code query} and writes up to {@code ordinals.length} ordinals,
   * best first, into {@code ordinals} and their exact dot products with {@code query} into {@code
   * dots}; returns how many.
   *
   * @param query unit length
   * @param width how many candidates the beam keeps: more finds more of the true neighbours
   * @param rescored how many of the beam's best are rescored exactly, at least {@code
   *     ordinals.length}
   * @param results which ordinals may be returned, deleted ones excluded; the walk passes through
   *     the others
   */
  int search(
      OnHeapGraphIndex graph,
      Int8Vectors codes,
      UnitVectors vectors,
      float[] query,
      int width,
      int rescored,
      Bits results,
      int[] ordinals,
      float[] dots) {
    ImmutableGraphIndex.NodeAtLevel entry = graph.entryNode();
    if (entry == null) {
      return 0;
    }
    clearVisited();
    long start = descend(graph, codes, query, entry);
    // The bottom layer holds every node, those the descent scored too.
    clearVisited();
    frontierSize = 0;
    beamSize = 0;
    visit((int) start);
    pushFrontier(start);
    while (frontierSize > 0) {
      long best = popFrontier();
      if (beamSize == width && best < beam[0]) {
        break;
      }
      int node = (int) best;
      if (results.get(node)) {
        offerBeam(best, width);
      }
      int fresh = 0;
      for (NodesIterator it = graph.getNeighborsIterator(0, node); it.hasNext(); ) {
        int neighbour = it.nextInt();
        if (visit(neighbour)) {
          fresh = append(fresh, neighbour);
        }
      }
      scoreBatch(codes, query, fresh);
      for (int i = 0; i < fresh; i++) {
        long candidate = encode(batchScores[i], batch[i]);
        if (beamSize < width || candidate > beam[0]) {
          pushFrontier(candidate);
        }
      }
    }
    return rescore(Math.max(rescored, ordinals.length), vectors, query, ordinals, dots);
  }

  /**
   * Greedy descent from the entry point through the upper layers: move to the best neighbour
   * while one is better, scoring no node twice. Returns the bottom layer's starting candidate,
   * encoded.
   */
  private long descend(OnHeapGraphIndex graph, Int8Vectors codes, float[] query, ImmutableGraphIndex.NodeAtLevel entry) {
    batch[0] = entry.node;
    scoreBatch(codes, query, 1);
    long current = encode(batchScores[0], entry.node);
    for (int level = entry.level; level > 0; level--) {
      long before;
      do {
        before = current;
        int count = 0;
        for (NodesIterator it = graph.getNeighborsIterator(level, (int) current); it.hasNext(); ) {
          int neighbour = it.nextInt();
          if (visit(neighbour)) {
            count = append(count, neighbour);
          }
        }
        scoreBatch(codes, query, count);
        for (int i = 0; i < count; i++) {
          current = Math.max(current, encode(batchScores[i], batch[i]));
        }
      } while (current != before);
    }
    return current;
  }

  /**
   * Scores {@code batch[0 .. count)} into {@code batchScores}, four at a time; a last group of
   * fewer repeats its final ordinal. One call site for the vector kernel keeps it compiled on its
   * own: inlined at several, it swells this class's loops past what the JIT will inline into them,
   * and their small helpers become real calls.
   */
  private void scoreBatch(Int8Vectors codes, float[] query, int count) {
    if (count == 0) {
      return;
    }
    for (int pad = count; pad % 4 != 0; pad++) {
      batch[pad] = batch[count - 1];
    }
    if (batchScores.length < batch.length) {
      batchScores = new float[batch.length];
    }
    for (int i = 0; i < count; i += 4) {
      codes.dot4(query, batch, i, batchScores);
    }
  }

  private int append(int count, int ordinal) {
    // Room for the ordinal and for scoreBatch to pad its last group of four.
    if (count + 4 > batch.length) {
      batch = Arrays.copyOf(batch, batch.length * 2);
    }
    batch[count] = ordinal;
    return count + 1;
  }

  /** Rescores the best {@code count} of the beam on the full vectors and keeps the best of those. */
  private int rescore(int count, UnitVectors vectors, float[] query, int[] ordinals, float[] dots) {
    Arrays.sort(beam, 0, beamSize);
    int from = Math.max(0, beamSize - count);
    for (int i = from; i < beamSize; i += 4) {
      // A last group of fewer than four repeats its final vector.
      int last = beamSize - 1;
      DotProducts.float32x4(query, vectors.unit((int) beam[i]), vectors.unit((int) beam[Math.min(i + 1, last)]),
          vectors.unit((int) beam[Math.min(i + 2, last)]), vectors.unit((int) beam[Math.min(i + 3, last)]), four);
      for (int j = 0; j < 4 && i + j <= last; j++) {
        beam[i + j] = encode(four[j], (int) beam[i + j]);
      }
    }
    Arrays.sort(beam, from, beamSize);
    int found = Math.min(ordinals.length, beamSize - from);
    for (int r = 0; r < found; r++) {
      long hit = beam[beamSize - 1 - r];
      ordinals[r] = (int) hit;
      dots[r] = decodeScore(hit);
    }
    return found;
  }

  private void clearVisited() {
    for (int i = 0; i < markedCount; i++) {
      visited[markedWords[i]] = 0;
    }
    markedCount = 0;
  }

  /** Marks {@code node} visited; false if it already was. */
  private boolean visit(int node) {
    int word = node >>> 6;
    if (word >= visited.length) {
      visited = Arrays.copyOf(visited, Math.max(word + 1, visited.length * 2));
    }
    long marks = visited[word];
    long mark = 1L << node;
    if ((marks & mark) != 0) {
      return false;
    }
    if (marks == 0) {
      if (markedCount == markedWords.length) {
        markedWords = Arrays.copyOf(markedWords, markedCount * 2);
      }
      markedWords[markedCount++] = word;
    }
    visited[word] = marks | mark;
    return true;
  }

  /** Orders like {@code score} in the high half (as signed longs) and carries the ordinal in the low. */
  static long encode(float score, int ordinal) {
    int bits = Float.floatToRawIntBits(score);
    bits ^= (bits >> 31) & 0x7fffffff;
    return ((long) bits << 32) | (ordinal & 0xffffffffL);
  }

  static float decodeScore(long encoded) {
    int bits = (int) (encoded >> 32);
    bits ^= (bits >> 31) & 0x7fffffff;
    return Float.intBitsToFloat(bits);
  }

  /** Max-heap push. */
  private void pushFrontier(long candidate) {
    if (frontierSize == frontier.length) {
      frontier = Arrays.copyOf(frontier, frontierSize * 2);
    }
    int i = frontierSize++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (frontier[parent] >= candidate) {
        break;
      }
      frontier[i] = frontier[parent];
      i = parent;
    }
    frontier[i] = candidate;
  }

  /** Max-heap pop. */
  private long popFrontier() {
    long top = frontier[0];
    long last = frontier[--frontierSize];
    int i = 0;
    int half = frontierSize >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      if (child + 1 < frontierSize && frontier[child + 1] > frontier[child]) {
        child++;
      }
      if (last >= frontier[child]) {
        break;
      }
      frontier[i] = frontier[child];
      i = child;
    }
    frontier[i] = last;
    return top;
  }

  /** Adds to the min-heap of at most {@code width}, replacing its worst when full and beaten. */
  private void offerBeam(long candidate, int width) {
    if (beamSize < width) {
      if (beamSize == beam.length) {
        beam = Arrays.copyOf(beam, beamSize * 2);
      }
      int i = beamSize++;
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        if (beam[parent] <= candidate) {
          break;
        }
        beam[i] = beam[parent];
        i = parent;
      }
      beam[i] = candidate;
      return;
    }
    if (candidate <= beam[0]) {
      return;
    }
    int i = 0;
    int half = beamSize >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      if (child + 1 < beamSize && beam[child + 1] < beam[child]) {
        child++;
      }
      if (candidate <= beam[child]) {
        break;
      }
      beam[i] = beam[child];
      i = child;
    }
    beam[i] = candidate;
  }
}
