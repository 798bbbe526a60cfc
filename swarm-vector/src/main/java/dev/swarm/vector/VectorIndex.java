package dev.swarm.vector;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * A concurrent approximate-nearest-neighbour index of vectors by id, on a jvector graph.
 *
 * <pre>{@code
 * VectorIndex index = VectorIndex.builder(384).build();
 * index.add("doc-1", vector, Map.of("context", "task-42"));
 * List<VectorHit> hits = index.search(query, 10, VectorFilter.metadataEquals("context", "task-42"));
 * index.save(Path.of("memory"));
 * VectorIndex again = VectorIndex.builder(384).load(Path.of("memory"));
 * }</pre>
 *
 * <p>Similarity is cosine. Adds, removes and searches may run at the same time from any number of
 * threads; a search never returns an id whose removal finished before the search started, and
 * never returns one twice. Every method runs on the calling thread; searches use jvector's scratch
 * space, cached per platform thread, so call them from a bounded platform pool (virtual threads
 * work, but pay for fresh scratch space on every call).
 */
public interface VectorIndex {
  /** A builder for an index of {@code dimension}-dimensional vectors. */
  static Builder builder(int dimension) {
    return new Builder(dimension);
  }

  /** How many dimensions every vector has. */
  int dimension();

  /** How many vectors the index holds. */
  int size();

  /**
   * Adds {@code vector} under {@code id}, replacing any vector already there.
   *
   * @throws IllegalArgumentException if the vector has the wrong dimension, a zero norm or a
   *     non-finite component, or the id is blank
   */
  void add(String id, float[] vector, Map<String, String> metadata);

  /** Removes the vector under {@code id}; returns whether there was one. */
  boolean remove(String id);

  /** The ids of every vector whose id and metadata {@code filter} accepts. */
  List<String> ids(VectorFilter filter);

  /** The metadata stored under {@code id}, if the id is present. */
  Optional<Map<String, String>> metadata(String id);

  /** A copy of the vector stored under {@code id}, if the id is present. */
  Optional<float[]> vector(String id);

  /** The at most {@code k} vectors closest to {@code query}, best first. */
  default List<VectorHit> search(float[] query, int k) {
    return search(query, k, VectorFilter.all());
  }

  /**
   * The at most {@code k} vectors closest to {@code query} that {@code filter} accepts, best first.
   *
   * @throws IllegalArgumentException if {@code k} is less than one or the query has the wrong
   *     dimension
   */
  List<VectorHit> search(float[] query, int k, VectorFilter filter);

  /**
   * Like {@link #search(float[], int, VectorFilter)}, keeping {@code depth} candidates (never
   * fewer than k) instead of the builder's {@link Builder#searchDepth}: the per-call knob between
   * speed and recall, as Lucene's candidate count is per query.
   *
   * @throws IllegalArgumentException if {@code k} or {@code depth} is less than one or the query
   *     has the wrong dimension
   */
  List<VectorHit> search(float[] query, int k, VectorFilter filter, int depth);

  /**
   * Writes every vector with its id and metadata to {@code directory}, atomically: the new copy
   * replaces the old one only once it is completely on disk, so a crash mid-save leaves the
   * previous copy readable. Concurrent adds may or may not be included.
   *
   * @throws dev.swarm.api.SwarmException.Retriable if the files cannot be written
   */
  void save(Path directory);

  /** Settings for a {@link VectorIndex}; every setter is optional. */
  final class Builder {
    private final int dimension;
    private int maxDegree = 16;
    private int constructionBeam = 100;
    private int searchDepth = 40;
    private int pqSubspaces;
    private int pqMinSize = Integer.MAX_VALUE;
    private Executor background = BackgroundThread.EXECUTOR;
    private int exactScanLimit = 2_000;

    private Builder(int dimension) {
      if (dimension < 1) {
        throw new IllegalArgumentException("dimension must be > 0 but was " + dimension);
      }
      this.dimension = dimension;
      this.pqSubspaces = dimension % 4 == 0 ? dimension / 4 : dimension;
    }

    /** Graph degree: edges kept per node (default 16). More costs memory and insert time, buys recall. */
    public Builder maxDegree(int maxDegree) {
      this.maxDegree = requireAtLeast(maxDegree, 2, "maxDegree");
      return this;
    }

    /** Candidates considered while inserting (default 100). More builds a better graph, slower. */
    public Builder constructionBeam(int constructionBeam) {
      this.constructionBeam = requireAtLeast(constructionBeam, 1, "constructionBeam");
      return this;
    }

    /**
     * Candidates a search keeps before returning its best k (default 40, never less than k). The
     * knob that trades speed for recall.
     */
    public Builder searchDepth(int searchDepth) {
      this.searchDepth = requireAtLeast(searchDepth, 1, "searchDepth");
      return this;
    }

    /**
     * Compresses vectors with product quantization once the index holds {@code minSize} vectors
     * (default: off). Searches then walk the graph on the compact codes and rerank the best
     * candidates with the full vectors, which stay in memory: quantization makes each graph step
     * cheaper on large collections, it does not save memory. Training (k-means over the vectors
     * held at {@code minSize}) runs once on the background executor; searches use full vectors
     * until it is done.
     */
    public Builder productQuantization(int subspaces, int minSize) {
      if (subspaces < 1 || subspaces > dimension) {
        throw new IllegalArgumentException(
            "productQuantization subspaces must be in [1, " + dimension + "] but was " + subspaces);
      }
      this.pqSubspaces = subspaces;
      this.pqMinSize = requireAtLeast(minSize, 256, "productQuantization minSize");
      return this;
    }

    /** Never compresses vectors, undoing {@link #productQuantization}: every score uses the full vectors. */
    public Builder withoutProductQuantization() {
      this.pqMinSize = Integer.MAX_VALUE;
      return this;
    }

    /**
     * Where the index trains its quantizer and compacts its graph after many removals: CPU work
     * that must not run on the adding or removing thread. Default: one daemon thread shared by
     * every index in the JVM, at minimum priority, so this work takes at most one core from
     * searches. Loading rebuilds the graph on the common pool instead, since the caller waits.
     */
    public Builder backgroundExecutor(Executor background) {
      this.background = Objects.requireNonNull(background, "backgroundExecutor must not be null");
      return this;
    }

    /** Forces graph walks even on small candidate sets; lets tests exercise the graph path. */
    Builder exactScanLimit(int exactScanLimit) {
      this.exactScanLimit = requireAtLeast(exactScanLimit, 0, "exactScanLimit");
      return this;
    }

    /** A new, empty index. */
    public VectorIndex build() {
      return new GraphVectorIndex(settings());
    }

    /**
     * An index holding what {@link VectorIndex#save} wrote to {@code directory}; it accepts new
     * vectors like any other.
     *
     * @throws dev.swarm.api.SwarmException.Permanent if the files are missing, truncated, corrupt,
     *     of an unknown format version, or of another dimension
     */
    public VectorIndex load(Path directory) {
      GraphVectorIndex index = new GraphVectorIndex(settings());
      index.addAll(IndexFile.read(directory, dimension));
      return index;
    }

    private IndexSettings settings() {
      return new IndexSettings(
          dimension, maxDegree, constructionBeam, searchDepth, pqSubspaces, pqMinSize, exactScanLimit,
          background);
    }

    private static int requireAtLeast(int value, int min, String setting) {
      if (value < min) {
        throw new IllegalArgumentException(setting + " must be >= " + min + " but was " + value);
      }
      return value;
    }
  }
}
