package dev.swarm.bench.vector;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import dev.swarm.vector.VectorFilter;
import dev.swarm.vector.VectorHit;
import dev.swarm.vector.VectorIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.MMapDirectory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Top-10 search over 20,000 real MiniLM embeddings of JDK Javadoc sentences, with 1,000 held-out
 * sentences as queries: swarm's jvector {@link VectorIndex}, Lucene 10's HNSW, and langchain4j's
 * brute-force {@code InMemoryEmbeddingStore}.
 *
 * <p>Both graphs are tuned the same way, in setup, against exact neighbours: swarm's search depth
 * and Lucene's candidate count are each swept upwards and the smallest setting whose recall@10
 * reaches 0.95 is the one timed; the run fails if either never reaches it. Both recalls are
 * printed. Lucene's index lives in an {@link MMapDirectory} under {@code target/}, as a user would
 * keep it (on disk, memory-mapped, so Lucene scores with its memory-segment code), and is deleted
 * afterwards. Both graphs keep their builders' defaults: swarm degree 16 and construction beam
 * 100; Lucene 16 connections per node (32 on its bottom layer) and beam width 100.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar VectorSearch -f 1 -wi 2 -i 3 -prof gc}
 * (read {@code gc.alloc.rate.norm} for bytes per query).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class VectorSearchBenchmark {
  static final int CORPUS = 20_000;
  static final int QUERIES = 1_000;
  static final int K = 10;
  static final double MIN_RECALL = 0.95;
  // Every setting from 10 to 60, where both graphs cross recall 0.95 on this data, then coarser.
  private static final int[] SETTINGS = java.util.stream.IntStream.concat(
      java.util.stream.IntStream.rangeClosed(10, 60), java.util.stream.IntStream.of(80, 100, 120, 160, 200, 300))
      .toArray();

  private float[][] queries;
  private VectorIndex swarm;
  private int swarmDepth;
  private Path luceneDirectory;
  private IndexSearcher lucene;
  private DirectoryReader luceneReader;
  private int[] luceneIds;
  private int luceneCandidates;
  private InMemoryEmbeddingStore<TextSegment> inMemory;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    VectorDataset.Data data = VectorDataset.load(CORPUS + QUERIES);
    float[][] corpus = java.util.Arrays.copyOfRange(data.vectors(), 0, CORPUS);
    queries = java.util.Arrays.copyOfRange(data.vectors(), CORPUS, CORPUS + QUERIES);
    int[][] truth = GroundTruth.nearest(corpus, queries, K);

    long start = System.nanoTime();
    swarm = VectorIndex.builder(VectorDataset.DIMENSION).build();
    // Concurrent inserts, as an application would make them; the index is built for it.
    java.util.stream.IntStream.range(0, corpus.length).parallel()
        .forEach(i -> swarm.add(Integer.toString(i), corpus[i], Map.of()));
    long swarmBuild = System.nanoTime() - start;
    double swarmRecall = smallestSettingReachingRecall("swarm", truth, depth -> swarmDepth = depth, this::swarmIds);

    start = System.nanoTime();
    buildLucene(corpus);
    long luceneBuild = System.nanoTime() - start;
    double luceneRecall = smallestSettingReachingRecall(
        "lucene", truth, candidates -> luceneCandidates = candidates, this::luceneIds);

    inMemory = new InMemoryEmbeddingStore<>();
    for (int i = 0; i < corpus.length; i++) {
      inMemory.add(Integer.toString(i), Embedding.from(corpus[i]));
    }
    double inMemoryRecall = GroundTruth.recall(truth, allQueries(this::inMemoryIds));

    System.err.printf("%nrecall@10 over %d queries, %d vectors: swarm-jvector %.4f at depth %d (built in %d ms), "
            + "lucene-hnsw %.4f with %d candidates (built in %d ms), inmemory-store %.4f%n",
        QUERIES, CORPUS, swarmRecall, swarmDepth, swarmBuild / 1_000_000, luceneRecall, luceneCandidates,
        luceneBuild / 1_000_000, inMemoryRecall);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    luceneReader.close();
    try (var files = Files.walk(luceneDirectory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  @Benchmark
  public List<VectorHit> swarmJVector() {
    return swarm.search(nextQuery(), K, VectorFilter.all(), swarmDepth);
  }

  @Benchmark
  public TopDocs luceneHnsw() throws IOException {
    return lucene.search(new KnnFloatVectorQuery("v", nextQuery(), luceneCandidates), K);
  }

  @Benchmark
  public List<EmbeddingMatch<TextSegment>> langchain4jInMemory() {
    return inMemory.search(EmbeddingSearchRequest.builder()
        .queryEmbedding(Embedding.from(nextQuery())).maxResults(K).build()).matches();
  }

  private float[] nextQuery() {
    float[] q = queries[next];
    next = next + 1 == queries.length ? 0 : next + 1;
    return q;
  }

  /**
   * Applies each of {@link #SETTINGS} in turn and stops at the first whose recall@10 reaches {@link
   * #MIN_RECALL}, leaving it applied; returns that recall, or fails if no setting reaches it.
   */
  private double smallestSettingReachingRecall(
      String contender, int[][] truth, java.util.function.IntConsumer apply, Searcher searcher) throws IOException {
    double recall = 0;
    for (int setting : SETTINGS) {
      apply.accept(setting);
      recall = GroundTruth.recall(truth, allQueries(searcher));
      if (recall >= MIN_RECALL) {
        return recall;
      }
    }
    throw new IllegalStateException(contender + " recall@10 " + recall + " is below " + MIN_RECALL
        + " at every setting up to " + SETTINGS[SETTINGS.length - 1]);
  }

  private void buildLucene(float[][] corpus) throws IOException {
    Path target = Path.of("benchmarks", "target");
    luceneDirectory = Files.createTempDirectory(Files.isDirectory(target) ? target : Path.of("."), "lucene-hnsw-");
    MMapDirectory directory = new MMapDirectory(luceneDirectory);
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig().setRAMBufferSizeMB(512))) {
      for (int i = 0; i < corpus.length; i++) {
        Document doc = new Document();
        doc.add(new KnnFloatVectorField("v", corpus[i], VectorSimilarityFunction.DOT_PRODUCT));
        doc.add(new StoredField("id", i));
        writer.addDocument(doc);
      }
      writer.forceMerge(1);
    }
    luceneReader = DirectoryReader.open(directory);
    lucene = new IndexSearcher(luceneReader);
    StoredFields stored = luceneReader.storedFields();
    luceneIds = new int[luceneReader.maxDoc()];
    for (int doc = 0; doc < luceneIds.length; doc++) {
      luceneIds[doc] = stored.document(doc).getField("id").numericValue().intValue();
    }
  }

  private interface Searcher {
    Set<Integer> ids(float[] query) throws IOException;
  }

  private List<Set<Integer>> allQueries(Searcher searcher) throws IOException {
    List<Set<Integer>> found = new ArrayList<>(queries.length);
    for (float[] q : queries) {
      found.add(searcher.ids(q));
    }
    return found;
  }

  private Set<Integer> swarmIds(float[] q) {
    Set<Integer> ids = new HashSet<>();
    swarm.search(q, K, VectorFilter.all(), swarmDepth).forEach(hit -> ids.add(Integer.parseInt(hit.id())));
    return ids;
  }

  private Set<Integer> luceneIds(float[] q) throws IOException {
    Set<Integer> ids = new HashSet<>();
    for (ScoreDoc doc : lucene.search(new KnnFloatVectorQuery("v", q, luceneCandidates), K).scoreDocs) {
      ids.add(luceneIds[doc.doc]);
    }
    return ids;
  }

  private Set<Integer> inMemoryIds(float[] q) {
    Set<Integer> ids = new HashSet<>();
    inMemory.search(EmbeddingSearchRequest.builder().queryEmbedding(Embedding.from(q)).maxResults(K).build())
        .matches().forEach(m -> ids.add(Integer.parseInt(m.embeddingId())));
    return ids;
  }
}
