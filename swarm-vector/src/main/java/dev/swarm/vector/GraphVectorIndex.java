package dev.swarm.vector;

import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.graph.GraphSearcher;
import io.github.jbellis.jvector.graph.OnHeapGraphIndex;
import io.github.jbellis.jvector.graph.RandomAccessVectorValues;
import io.github.jbellis.jvector.graph.SearchResult;
import io.github.jbellis.jvector.graph.similarity.DefaultSearchScoreProvider;
import io.github.jbellis.jvector.graph.similarity.SearchScoreProvider;
import io.github.jbellis.jvector.quantization.KMeansPlusPlusClusterer;
import io.github.jbellis.jvector.quantization.MutablePQVectors;
import io.github.jbellis.jvector.quantization.ProductQuantization;
import io.github.jbellis.jvector.util.Bits;
import io.github.jbellis.jvector.vector.VectorSimilarityFunction;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link VectorIndex} on jvector's concurrent graph builder: vectors are inserted into the graph
 * as they arrive, removals mark nodes deleted, and the graph is compacted, on the background
 * executor, once enough are.
 *
 * <p>The graph holds unit-length copies of the vectors and scores by dot product: for unit vectors
 * that equals cosine, and it saves the two norms cosine computes on every comparison. Scores keep
 * jvector's cosine mapping, {@code (1 + cosine) / 2}.
 *
 * <p>jvector builds the graph; searches walk it with {@link GraphWalk} on {@link Int8Vectors} codes
 * and rescore the best candidates on the full vectors, which answers about twice as many queries
 * per second at the same recall. Only with product quantization on do searches go through
 * jvector's searcher, scoring its codes instead.
 */
final class GraphVectorIndex implements VectorIndex {
  private static final Logger LOG = LoggerFactory.getLogger(GraphVectorIndex.class);
  private static final VectorTypeSupport VECTORS =
      VectorizationProvider.getInstance().getVectorTypeSupport();
  private static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.DOT_PRODUCT;
  // A squared norm this close to 1 is unit length already: MiniLM and most embedding models
  // normalise their output, so the common case stores and scores the caller's vector unchanged.
  private static final double UNIT_TOLERANCE = 1e-5;
  private static final int WRITE_STRIPES = 64;
  private static final int MIN_DELETIONS_BEFORE_COMPACTION = 1_024;
  private static final int IDLE_SCRATCH = 2 * Runtime.getRuntime().availableProcessors();
  // The walk's int8 scores rank candidates well but not exactly: rescoring half as many again as
  // asked for (a few more for small k), on the full vectors, recovers the exact order of the top k.
  private static final int RESCORED_EXTRA_MIN = 4;

  private final IndexSettings settings;
  private final NodeTable nodes = new NodeTable();
  private final Map<String, Integer> ordinals = new ConcurrentHashMap<>();
  private final Postings postings = new Postings();
  private final AtomicInteger nextOrdinal = new AtomicInteger();
  private final ConcurrentLinkedQueue<Integer> deletedInGraph = new ConcurrentLinkedQueue<>();
  private final AtomicInteger deletedCount = new AtomicInteger();
  private final Object[] writeStripes = new Object[WRITE_STRIPES];
  // Compaction rewires the graph, so it excludes everything else; all other work shares the lock.
  private final ReentrantReadWriteLock compaction = new ReentrantReadWriteLock();
  private final OrdinalVectors vectors = new OrdinalVectors();
  private final Int8Vectors int8Codes;
  private final GraphWalk.UnitVectors unitVectors = this::unitVector;
  private final VectorFloat<?> zero;
  private final GraphIndexBuilder builder;
  private final OnHeapGraphIndex graph;
  private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);
  // Virtual threads come and go, so they borrow scratch space from here instead of a thread local.
  private final BlockingQueue<Scratch> idleScratch = new ArrayBlockingQueue<>(IDLE_SCRATCH);
  private final AtomicBoolean quantizing = new AtomicBoolean();
  private final AtomicBoolean compacting = new AtomicBoolean();
  private volatile @Nullable MutablePQVectors pqCodes;

  GraphVectorIndex(IndexSettings settings) {
    this.settings = settings;
    for (int i = 0; i < WRITE_STRIPES; i++) {
      writeStripes[i] = new Object();
    }
    this.zero = VECTORS.createFloatVector(settings.dimension());
    this.int8Codes = new Int8Vectors(settings.dimension());
    this.builder =
        GraphIndexBuilder.builder(vectors, SIMILARITY, settings.maxDegree())
            .withBeamWidth(settings.constructionBeam())
            .withNeighborOverflow(1.2f)
            .withAlpha(1.2f)
            .build();
    this.graph = (OnHeapGraphIndex) builder.getGraph();
  }

  @Override
  public int dimension() {
    return settings.dimension();
  }

  @Override
  public int size() {
    return ordinals.size();
  }

  @Override
  public void add(String id, float[] vector, Map<String, String> metadata) {
    requireId(id);
    double squaredNorm = requireVector(vector, "vector");
    Map<String, String> meta = Map.copyOf(Objects.requireNonNull(metadata, "metadata must not be null"));
    boolean unit = isUnit(squaredNorm);
    float[] unitVector = unit ? vector.clone() : scaled(vector, squaredNorm);
    VectorFloat<?> stored = VECTORS.createFloatVector(unitVector);
    float[] asAdded = unit ? null : vector.clone();
    synchronized (stripe(id)) {
      compaction.readLock().lock();
      try {
        // The old vector goes first, so no search sees the id twice.
        Integer old = ordinals.remove(id);
        if (old != null) {
          markDeleted(old);
        }
        int ordinal = nextOrdinal.getAndIncrement();
        nodes.set(ordinal, new NodeTable.Node(id, unitVector, stored, asAdded, meta));
        postings.add(ordinal, meta);
        MutablePQVectors current = pqCodes;
        if (current != null) {
          current.encodeAndSet(ordinal, stored);
        }
        int8Codes.set(ordinal, unitVector);
        builder.addGraphNode(ordinal, stored);
        ordinals.put(id, ordinal);
      } finally {
        compaction.readLock().unlock();
      }
    }
    maybeQuantize();
    maybeCompact();
  }

  /**
   * Adds every vector, spread over the common pool; used to rebuild a loaded index, which the
   * loading thread waits for, so it takes every core rather than the background thread.
   */
  void addAll(List<StoredVector> all) {
    int parts = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), all.size() / 256));
    List<CompletableFuture<Void>> work = new ArrayList<>();
    for (int part = 0; part < parts; part++) {
      List<StoredVector> slice = all.subList(all.size() * part / parts, all.size() * (part + 1) / parts);
      work.add(CompletableFuture.runAsync(
          () -> slice.forEach(v -> add(v.id(), v.vector(), v.metadata())), ForkJoinPool.commonPool()));
    }
    CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();
  }

  @Override
  public boolean remove(String id) {
    Objects.requireNonNull(id, "id must not be null");
    boolean removed;
    synchronized (stripe(id)) {
      compaction.readLock().lock();
      try {
        Integer ordinal = ordinals.remove(id);
        removed = ordinal != null;
        if (removed) {
          markDeleted(ordinal);
        }
      } finally {
        compaction.readLock().unlock();
      }
    }
    if (removed) {
      maybeCompact();
    }
    return removed;
  }

  @Override
  public List<String> ids(VectorFilter filter) {
    Objects.requireNonNull(filter, "filter must not be null");
    List<String> ids = new ArrayList<>();
    ordinals.forEach(
        (id, ordinal) -> {
          NodeTable.Node node = nodes.get(ordinal);
          if (node != null && !node.deleted && filter.accepts(id, node.metadata)) {
            ids.add(id);
          }
        });
    return ids;
  }

  @Override
  public Optional<Map<String, String>> metadata(String id) {
    return live(id).map(node -> node.metadata);
  }

  @Override
  public Optional<float[]> vector(String id) {
    return live(id).map(GraphVectorIndex::asAdded);
  }

  @Override
  public List<VectorHit> search(float[] query, int k, VectorFilter filter) {
    return search(query, k, filter, settings.searchDepth());
  }

  @Override
  public List<VectorHit> search(float[] query, int k, VectorFilter filter, int depth) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be > 0 but was " + k);
    }
    if (depth < 1) {
      throw new IllegalArgumentException("depth must be > 0 but was " + depth);
    }
    double squaredNorm = requireVector(query, "query");
    Objects.requireNonNull(filter, "filter must not be null");
    float[] unitQuery = isUnit(squaredNorm) ? query : scaled(query, squaredNorm);
    VectorFloat<?> q = VECTORS.createFloatVector(unitQuery);
    int beam = Math.max(k, depth);
    compaction.readLock().lock();
    try {
      if (filter instanceof MetadataEquals equals) {
        Collection<Integer> candidates = postings.lookup(equals.key(), equals.value());
        if (candidates.size() <= settings.exactScanLimit()) {
          return exactScan(q, k, candidates, filter);
        }
        if (candidates.size() >= ordinals.size()) {
          // The one value covers every vector (a single tenant, a cache with one scope): walk the
          // graph unfiltered and check only the hits; one that fails was added concurrently.
          List<VectorHit> hits = graphSearch(unitQuery, q, k, beam, liveNodes());
          if (allAccepted(hits, filter)) {
            return hits;
          }
        }
      }
      if (ordinals.size() <= settings.exactScanLimit()) {
        return exactScan(q, k, ordinals.values(), filter);
      }
      Bits accept = filter == AcceptAll.INSTANCE ? liveNodes() : ordinal -> {
        NodeTable.Node node = nodes.get(ordinal);
        return node != null && !node.deleted && filter.accepts(node.id, node.metadata);
      };
      return graphSearch(unitQuery, q, k, beam, accept);
    } finally {
      compaction.readLock().unlock();
    }
  }

  @Override
  public void save(Path directory) {
    Objects.requireNonNull(directory, "directory must not be null");
    List<StoredVector> snapshot = new ArrayList<>(ordinals.size());
    ordinals.forEach(
        (id, ordinal) -> {
          NodeTable.Node node = nodes.get(ordinal);
          if (node != null && !node.deleted) {
            snapshot.add(new StoredVector(id, asAdded(node), node.metadata));
          }
        });
    IndexFile.write(directory, settings.dimension(), snapshot, out -> out);
  }

  /** Whether searches walk the graph on product-quantized codes. */
  boolean quantized() {
    return pqCodes != null;
  }

  private List<VectorHit> graphSearch(float[] unitQuery, VectorFloat<?> q, int k, int beam, Bits accept) {
    Scratch borrowed = borrowScratch();
    try {
      MutablePQVectors quantized = pqCodes;
      return quantized == null
          ? walk(borrowed.walk, unitQuery, k, beam, accept)
          : searchQuantized(borrowed.searcher(), quantized, q, k, beam, accept);
    } finally {
      returnScratch(borrowed);
    }
  }

  private List<VectorHit> walk(GraphWalk walk, float[] unitQuery, int k, int beam, Bits accept) {
    int[] ordinals = new int[k];
    float[] dots = new float[k];
    int rescored = k + Math.max(RESCORED_EXTRA_MIN, k / 2);
    int found = walk.search(graph, int8Codes, unitVectors, unitQuery, beam, rescored, accept, ordinals, dots);
    List<VectorHit> hits = new ArrayList<>(found);
    for (int i = 0; i < found; i++) {
      NodeTable.Node node = nodes.get(ordinals[i]);
      if (node != null) {
        // jvector's mapping of a dot product onto [0, 1], as every other path here scores.
        hits.add(new VectorHit(node.id, clamp((1 + dots[i]) / 2), node.metadata));
      }
    }
    return hits;
  }

  private List<VectorHit> searchQuantized(
      GraphSearcher searcher, MutablePQVectors quantized, VectorFloat<?> q, int k, int beam, Bits accept) {
    SearchScoreProvider scores = new DefaultSearchScoreProvider(
        quantized.precomputedScoreFunctionFor(q, SIMILARITY), vectors.rerankerFor(q, SIMILARITY));
    searcher.setView(graph.getView());
    SearchResult result = searcher.search(scores, k, beam, 0f, 0f, accept);
    List<VectorHit> hits = new ArrayList<>(result.getNodes().length);
    for (SearchResult.NodeScore scored : result.getNodes()) {
      NodeTable.Node node = nodes.get(scored.node);
      if (node != null) {
        hits.add(new VectorHit(node.id, clamp(scored.score), node.metadata));
      }
    }
    return hits;
  }

  private Scratch borrowScratch() {
    if (!Thread.currentThread().isVirtual()) {
      return scratch.get();
    }
    Scratch idle = idleScratch.poll();
    return idle != null ? idle : new Scratch();
  }

  private void returnScratch(Scratch used) {
    if (Thread.currentThread().isVirtual() && !idleScratch.offer(used)) {
      used.close();
    }
  }

  /**
   * The graph's nodes that are not deleted. A removal counts its node before it returns, so a
   * search that starts after it sees the count and checks; most indexes never remove, and skip it.
   */
  private Bits liveNodes() {
    return deletedCount.get() == 0 ? Bits.ALL : ordinal -> {
      NodeTable.Node node = nodes.get(ordinal);
      return node != null && !node.deleted;
    };
  }

  private List<VectorHit> exactScan(
      VectorFloat<?> q, int k, Collection<Integer> candidates, VectorFilter filter) {
    PriorityQueue<VectorHit> best =
        new PriorityQueue<>(k + 1, (a, b) -> Double.compare(a.score(), b.score()));
    for (int ordinal : candidates) {
      NodeTable.Node node = nodes.get(ordinal);
      if (node == null || node.deleted || !filter.accepts(node.id, node.metadata)) {
        continue;
      }
      best.add(new VectorHit(node.id, clamp(SIMILARITY.compare(q, node.vector)), node.metadata));
      if (best.size() > k) {
        best.poll();
      }
    }
    List<VectorHit> hits = new ArrayList<>(best);
    hits.sort((a, b) -> Double.compare(b.score(), a.score()));
    return hits;
  }

  private void markDeleted(int ordinal) {
    NodeTable.Node node = Objects.requireNonNull(nodes.get(ordinal), "node of a live ordinal");
    node.deleted = true;
    postings.remove(ordinal, node.metadata);
    builder.markNodeDeleted(ordinal);
    deletedInGraph.add(ordinal);
    deletedCount.incrementAndGet();
  }

  /**
   * Drops deleted nodes from the graph once they are a quarter of it, so churn does not leak; on
   * the background executor, since rewiring the graph takes long and excludes everything else.
   */
  private void maybeCompact() {
    if (deletedCount.get() >= Math.max(MIN_DELETIONS_BEFORE_COMPACTION, size() / 4)
        && compacting.compareAndSet(false, true)) {
      settings.background().execute(this::compact);
    }
  }

  private void compact() {
    compaction.writeLock().lock();
    try {
      builder.removeDeletedNodes();
      Integer ordinal;
      int freed = 0;
      while ((ordinal = deletedInGraph.poll()) != null) {
        nodes.set(ordinal, null);
        int8Codes.release(ordinal);
        freed++;
      }
      deletedCount.addAndGet(-freed);
      LOG.debug("compacted the vector graph: {} deleted nodes dropped, {} live", freed, size());
    } finally {
      compaction.writeLock().unlock();
      compacting.set(false);
    }
  }

  private void maybeQuantize() {
    if (pqCodes == null && size() >= settings.pqMinSize() && quantizing.compareAndSet(false, true)) {
      settings.background().execute(this::quantize);
    }
  }

  private void quantize() {
    // k-means would otherwise fan out over jvector's and the common pool, taking every core from
    // the searches; one worker trains more slowly and leaves the rest alone.
    ForkJoinPool trainer = new ForkJoinPool(1);
    try {
      ProductQuantization pq = ProductQuantization.compute(
          vectors, settings.pqSubspaces(), 256, false, KMeansPlusPlusClusterer.UNWEIGHTED, trainer, trainer);
      MutablePQVectors fresh = new MutablePQVectors(pq);
      int before = nextOrdinal.get();
      encode(fresh, 0, before);
      pqCodes = fresh;
      // Adds that checked for codes before they were published are encoded here.
      encode(fresh, before, nextOrdinal.get());
      LOG.info("vector index quantized: {} subspaces over {} vectors", settings.pqSubspaces(), size());
    } catch (RuntimeException e) {
      quantizing.set(false);
      LOG.warn("product quantization failed, searches keep using full vectors; "
          + "drop productQuantization(...) from the index builder if this repeats", e);
    } finally {
      trainer.shutdown();
    }
  }

  private void encode(MutablePQVectors target, int from, int to) {
    compaction.readLock().lock();
    try {
      for (int ordinal = from; ordinal < to; ordinal++) {
        NodeTable.Node node = nodes.get(ordinal);
        target.encodeAndSet(ordinal, node == null ? zero : node.vector);
      }
    } finally {
      compaction.readLock().unlock();
    }
  }

  /** The unit vector at {@code ordinal}, which the graph holds, so it has not been freed. */
  private float[] unitVector(int ordinal) {
    return Objects.requireNonNull(nodes.get(ordinal), "node of a graph ordinal").unit;
  }

  private Optional<NodeTable.Node> live(String id) {
    Objects.requireNonNull(id, "id must not be null");
    Integer ordinal = ordinals.get(id);
    if (ordinal == null) {
      return Optional.empty();
    }
    NodeTable.Node node = nodes.get(ordinal);
    return node == null || node.deleted ? Optional.empty() : Optional.of(node);
  }

  private Object stripe(String id) {
    return writeStripes[Math.floorMod(id.hashCode(), WRITE_STRIPES)];
  }

  private static void requireId(String id) {
    Objects.requireNonNull(id, "id must not be null");
    if (id.isBlank()) {
      throw new IllegalArgumentException("id must not be blank");
    }
  }

  /** Validates {@code vector} and returns its squared norm. */
  private double requireVector(float[] vector, String what) {
    Objects.requireNonNull(vector, () -> what + " must not be null");
    if (vector.length != settings.dimension()) {
      throw new IllegalArgumentException(
          what + " must have " + settings.dimension() + " dimensions but had " + vector.length);
    }
    // Four running sums, so the additions do not wait on each other; a NaN or infinite
    // component makes the norm non-finite, and only then is it looked for.
    double sum0 = 0;
    double sum1 = 0;
    double sum2 = 0;
    double sum3 = 0;
    int i = 0;
    for (; i + 4 <= vector.length; i += 4) {
      sum0 += (double) vector[i] * vector[i];
      sum1 += (double) vector[i + 1] * vector[i + 1];
      sum2 += (double) vector[i + 2] * vector[i + 2];
      sum3 += (double) vector[i + 3] * vector[i + 3];
    }
    for (; i < vector.length; i++) {
      sum0 += (double) vector[i] * vector[i];
    }
    double norm = (sum0 + sum1) + (sum2 + sum3);
    if (!Double.isFinite(norm)) {
      for (float component : vector) {
        if (!Float.isFinite(component)) {
          throw new IllegalArgumentException(what + " has a non-finite component: " + component);
        }
      }
    }
    if (norm == 0) {
      throw new IllegalArgumentException(what + " must not be all zeros: cosine similarity is undefined");
    }
    return norm;
  }

  private static boolean isUnit(double squaredNorm) {
    return Math.abs(squaredNorm - 1) <= UNIT_TOLERANCE;
  }

  private static float[] scaled(float[] vector, double squaredNorm) {
    float[] unit = new float[vector.length];
    double scale = 1 / Math.sqrt(squaredNorm);
    for (int i = 0; i < unit.length; i++) {
      unit[i] = (float) (vector[i] * scale);
    }
    return unit;
  }

  private static float[] asAdded(NodeTable.Node node) {
    return node.asAdded != null ? node.asAdded.clone() : node.unit.clone();
  }

  private static boolean allAccepted(List<VectorHit> hits, VectorFilter filter) {
    for (VectorHit hit : hits) {
      if (!filter.accepts(hit.id(), hit.metadata())) {
        return false;
      }
    }
    return true;
  }

  private static double clamp(float score) {
    return Math.min(1.0, Math.max(0.0, score));
  }

  /**
   * One thread's search scratch space: the walk's arrays, and jvector's searcher once product
   * quantization is on.
   */
  private final class Scratch {
    final GraphWalk walk = new GraphWalk();
    private @Nullable GraphSearcher searcher;

    GraphSearcher searcher() {
      if (searcher == null) {
        searcher = new GraphSearcher(graph);
      }
      return searcher;
    }

    void close() {
      if (searcher != null) {
        try {
          searcher.close();
        } catch (IOException e) {
          throw new UncheckedIOException("closing a graph searcher failed", e);
        }
      }
    }
  }

  /** The index's vectors by ordinal, as jvector reads them; freed ordinals read as zeros. */
  private final class OrdinalVectors implements RandomAccessVectorValues {
    @Override
    public int size() {
      return nextOrdinal.get();
    }

    @Override
    public int dimension() {
      return settings.dimension();
    }

    @Override
    public VectorFloat<?> getVector(int ordinal) {
      NodeTable.Node node = nodes.get(ordinal);
      return node == null ? zero : node.vector;
    }

    @Override
    public boolean isValueShared() {
      return false;
    }

    @Override
    public RandomAccessVectorValues copy() {
      return this;
    }
  }
}
