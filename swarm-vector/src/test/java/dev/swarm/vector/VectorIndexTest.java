package dev.swarm.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VectorIndexTest {
  private static final int DIM = 32;

  /** Graph search on every query, with a light graph: these tests are about mechanics, not recall. */
  private static VectorIndex graphOnly() {
    return VectorIndex.builder(DIM).exactScanLimit(0).maxDegree(8).constructionBeam(24)
        .withoutProductQuantization().build();
  }

  private static List<String> bruteForce(float[][] data, float[] query, int k) {
    return IntStream.range(0, data.length).boxed()
        .sorted(Comparator.comparingDouble(i -> -TestVectors.cosine(data[i], query)))
        .limit(k).map(i -> "v" + i).toList();
  }

  private static double recall(VectorIndex index, float[][] data, float[][] queries, int k) {
    int found = 0;
    for (float[] q : queries) {
      Set<String> truth = new HashSet<>(bruteForce(data, q, k));
      found += (int) index.search(q, k).stream().filter(h -> truth.contains(h.id())).count();
    }
    return (double) found / (queries.length * k);
  }

  @Test
  void search_graphWalk_findsNearestNeighboursBestFirst() {
    VectorIndex index = VectorIndex.builder(DIM).exactScanLimit(0).build();
    float[][] data = TestVectors.unitVectors(1_500, DIM, 1);
    for (int i = 0; i < data.length; i++) {
      index.add("v" + i, data[i], Map.of());
    }
    float[][] queries = TestVectors.unitVectors(50, DIM, 2);

    assertThat(recall(index, data, queries, 10)).isGreaterThanOrEqualTo(0.9);
    List<VectorHit> hits = index.search(data[7], 5);
    assertThat(hits.get(0).id()).isEqualTo("v7");
    assertThat(hits.get(0).cosine()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    assertThat(hits).isSortedAccordingTo(Comparator.comparingDouble(VectorHit::score).reversed());
  }

  @Test
  void search_graphWalk_scoresEveryHitExactlyNotByItsInt8Code() {
    VectorIndex index = VectorIndex.builder(DIM).exactScanLimit(0).build();
    float[][] data = TestVectors.unitVectors(1_000, DIM, 21);
    for (int i = 0; i < data.length; i++) {
      index.add("v" + i, data[i], Map.of());
    }
    float[][] queries = TestVectors.unitVectors(20, DIM, 22);

    for (float[] q : queries) {
      List<VectorHit> hits = index.search(q, 10);
      assertThat(hits).hasSize(10);
      for (VectorHit hit : hits) {
        double cosine = TestVectors.cosine(data[Integer.parseInt(hit.id().substring(1))], q);
        assertThat(hit.score()).isCloseTo((1 + cosine) / 2, org.assertj.core.data.Offset.offset(1e-6));
      }
      // With k = 1 the walk rescores a few candidates, so the nearest comes back even when its
      // int8 code ranks a close second first.
      assertThat(index.search(q, 1).get(0).id()).isEqualTo(bruteForce(data, q, 1).get(0));
    }
  }

  @Test
  void search_graphWalk_onAnEmptyOrOneVectorIndex() {
    VectorIndex index = graphOnly();
    float[] q = TestVectors.unitVectors(1, DIM, 23)[0];
    assertThat(index.search(q, 5)).isEmpty();

    index.add("only", q, Map.of());

    assertThat(index.search(q, 5)).extracting(VectorHit::id).containsExactly("only");
  }

  @Test
  void add_wrongDimension_isRejectedNamingBothSizes() {
    VectorIndex index = graphOnly();
    assertThatThrownBy(() -> index.add("a", new float[3], Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32").hasMessageContaining("3");
    assertThatThrownBy(() -> index.search(new float[DIM + 1], 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("query");
    assertThat(index.size()).isZero();
  }

  @Test
  void add_zeroOrNonFiniteVector_isRejected() {
    VectorIndex index = graphOnly();
    assertThatThrownBy(() -> index.add("a", new float[DIM], Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zeros");
    float[] nan = TestVectors.unitVectors(1, DIM, 3)[0];
    nan[4] = Float.NaN;
    assertThatThrownBy(() -> index.add("a", nan, Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-finite");
  }

  @Test
  void search_kBelowOne_isRejected() {
    assertThatThrownBy(() -> graphOnly().search(new float[DIM], 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k must be > 0");
  }

  @Test
  void add_sameIdTwice_replacesVectorAndMetadata() {
    VectorIndex index = graphOnly();
    float[][] data = TestVectors.unitVectors(300, DIM, 4);
    for (int i = 0; i < 299; i++) {
      index.add("v" + i, data[i], Map.of());
    }
    index.add("v0", data[299], Map.of("version", "2"));

    assertThat(index.size()).isEqualTo(299);
    assertThat(index.metadata("v0")).contains(Map.of("version", "2"));
    assertThat(index.search(data[299], 1).get(0).id()).isEqualTo("v0");
    assertThat(index.search(data[0], 3)).extracting(VectorHit::id).doesNotHaveDuplicates();
  }

  @Test
  void remove_thenSearch_neverReturnsRemovedId() {
    VectorIndex index = graphOnly();
    float[][] data = TestVectors.unitVectors(500, DIM, 5);
    for (int i = 0; i < data.length; i++) {
      index.add("v" + i, data[i], Map.of());
    }
    assertThat(index.remove("v10")).isTrue();
    assertThat(index.remove("v10")).isFalse();

    assertThat(index.search(data[10], 10)).extracting(VectorHit::id).doesNotContain("v10");
    assertThat(index.metadata("v10")).isEmpty();
    assertThat(index.size()).isEqualTo(499);
  }

  @Test
  void search_metadataFilter_returnsOnlyMatchingOnBothPaths() {
    float[][] data = TestVectors.unitVectors(2_500, DIM, 6);
    for (VectorIndex index : List.of(graphOnly(), VectorIndex.builder(DIM).maxDegree(8).constructionBeam(24).build())) {
      for (int i = 0; i < data.length; i++) {
        index.add("v" + i, data[i], Map.of("tenant", i % 100 == 0 ? "small" : "big"));
      }
      List<VectorHit> small = index.search(data[5], 10, VectorFilter.metadataEquals("tenant", "small"));
      List<VectorHit> big = index.search(data[0], 10, VectorFilter.metadataEquals("tenant", "big"));

      assertThat(small).hasSize(10).allSatisfy(h -> assertThat(h.metadata()).containsEntry("tenant", "small"));
      assertThat(big).hasSize(10).allSatisfy(h -> assertThat(h.metadata()).containsEntry("tenant", "big"));
      assertThat(index.search(data[0], 10, (id, m) -> id.endsWith("7")))
          .allSatisfy(h -> assertThat(h.id()).endsWith("7"));
      assertThat(index.ids(VectorFilter.metadataEquals("tenant", "small"))).hasSize(25);
    }
  }

  @Test
  void search_duringConcurrentInsertsAndDeletes_neverReturnsDeletedIds() throws Exception {
    VectorIndex index = graphOnly();
    float[][] data = TestVectors.unitVectors(2_500, DIM, 7);
    for (int i = 0; i < 1_000; i++) {
      index.add("v" + i, data[i], Map.of());
    }
    Set<String> deleted = ConcurrentHashMap.newKeySet();
    AtomicBoolean writing = new AtomicBoolean(true);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Future<?> writer = pool.submit(() -> {
        start.await();
        for (int i = 1_000; i < data.length; i++) {
          index.add("v" + i, data[i], Map.of());
          if (i % 2 == 0) {
            String victim = "v" + (i - 1_000);
            index.remove(victim);
            deleted.add(victim);
          }
        }
        writing.set(false);
        return null;
      });
      List<Future<Integer>> readers = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        int seed = r;
        readers.add(pool.submit(() -> {
          start.await();
          int searches = 0;
          float[][] queries = TestVectors.unitVectors(64, DIM, 100 + seed);
          while (writing.get() || searches < 100) {
            Set<String> deadBefore = Set.copyOf(deleted);
            List<VectorHit> hits = index.search(queries[searches % queries.length], 10);
            assertThat(hits).noneMatch(hit -> deadBefore.contains(hit.id()))
                .extracting(VectorHit::id).doesNotHaveDuplicates();
            searches++;
          }
          return searches;
        }));
      }
      start.countDown();
      writer.get();
      for (Future<Integer> reader : readers) {
        assertThat(reader.get()).isGreaterThanOrEqualTo(100);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(index.size()).isEqualTo(data.length - deleted.size());
    for (String id : deleted) {
      assertThat(index.metadata(id)).isEmpty();
    }
    float[][] queries = TestVectors.unitVectors(20, DIM, 9);
    for (float[] q : queries) {
      assertThat(index.search(q, 10)).hasSize(10).noneMatch(hit -> deleted.contains(hit.id()));
    }
  }

  @Test
  void search_afterProductQuantization_keepsRecall() {
    VectorIndex index = VectorIndex.builder(DIM).exactScanLimit(0)
        .productQuantization(8, 600).backgroundExecutor(Runnable::run).build();
    float[][] data = TestVectors.unitVectors(1_200, DIM, 10);
    for (int i = 0; i < data.length; i++) {
      index.add("v" + i, data[i], Map.of());
    }
    float[][] queries = TestVectors.unitVectors(50, DIM, 11);

    assertThat(((GraphVectorIndex) index).quantized()).isTrue();
    assertThat(recall(index, data, queries, 10)).isGreaterThanOrEqualTo(0.85);
    assertThat(index.search(data[1_199], 1).get(0).id()).isEqualTo("v1199");
  }

  @Test
  void search_vectorsNotOfUnitLength_scoresCosineAndKeepsVectorsAsAdded() {
    VectorIndex index = graphOnly();
    float[][] data = TestVectors.unitVectors(300, DIM, 21);
    float[][] added = new float[data.length][];
    for (int i = 0; i < data.length; i++) {
      float scale = 0.25f + i % 7;
      added[i] = new float[DIM];
      for (int d = 0; d < DIM; d++) {
        added[i][d] = data[i][d] * scale;
      }
      index.add("v" + i, added[i], Map.of());
    }
    float[] query = added[42].clone();
    for (int d = 0; d < DIM; d++) {
      query[d] = query[d] * 5 + data[7][d];
    }

    List<VectorHit> hits = index.search(query, 5);

    assertThat(hits).isNotEmpty().allSatisfy(hit -> {
      int i = Integer.parseInt(hit.id().substring(1));
      assertThat(hit.cosine()).isCloseTo(TestVectors.cosine(added[i], query), org.assertj.core.data.Offset.offset(1e-5));
    });
    assertThat(hits.get(0).id()).isEqualTo("v42");
    assertThat(index.vector("v3")).hasValueSatisfying(v -> assertThat(v).containsExactly(added[3]));
  }

  @Test
  void search_explicitDepth_widensTheWalkAndRejectsDepthBelowOne() {
    VectorIndex index = graphOnly();
    float[][] data = TestVectors.unitVectors(3_000, DIM, 22);
    for (int i = 0; i < data.length; i++) {
      index.add("v" + i, data[i], Map.of());
    }
    float[][] queries = TestVectors.unitVectors(50, DIM, 23);
    int shallow = 0;
    int deep = 0;
    for (float[] q : queries) {
      Set<String> truth = new HashSet<>(bruteForce(data, q, 10));
      shallow += (int) index.search(q, 10, VectorFilter.all(), 10).stream().filter(h -> truth.contains(h.id())).count();
      deep += (int) index.search(q, 10, VectorFilter.all(), 300).stream().filter(h -> truth.contains(h.id())).count();
    }

    assertThat(deep).isGreaterThan(shallow);
    assertThat(deep / 500.0).isGreaterThanOrEqualTo(0.95);
    assertThatThrownBy(() -> index.search(queries[0], 10, VectorFilter.all(), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("depth must be > 0 but was 0");
  }

  @Test
  void search_filterOnValueEveryVectorHas_stillAppliesTheRestOfTheFilter() {
    VectorIndex index = graphOnly();
    float[][] data = TestVectors.unitVectors(2_000, DIM, 24);
    for (int i = 0; i < data.length; i++) {
      index.add("v" + i, data[i], Map.of("scope", "one"));
    }
    VectorFilter scope = VectorFilter.metadataEquals("scope", "one");

    assertThat(index.search(data[5], 3, scope).get(0).id()).isEqualTo("v5");
    assertThat(index.search(data[5], 3, scope.and((id, meta) -> !id.equals("v5"))))
        .hasSize(3).extracting(VectorHit::id).doesNotContain("v5");

    index.add("other", data[9], Map.of("scope", "two"));
    assertThat(index.search(data[9], 3, scope)).extracting(VectorHit::id).doesNotContain("other").contains("v9");
  }

  @Test
  void search_fromVirtualThreads_matchesPlatformThreadResults() throws Exception {
    VectorIndex index = graphOnly();
    float[][] data = TestVectors.unitVectors(2_000, DIM, 25);
    for (int i = 0; i < data.length; i++) {
      index.add("v" + i, data[i], Map.of());
    }
    float[][] queries = TestVectors.unitVectors(64, DIM, 26);
    List<List<VectorHit>> expected = new ArrayList<>();
    for (float[] q : queries) {
      expected.add(index.search(q, 10));
    }

    List<Future<List<VectorHit>>> results = new ArrayList<>();
    try (ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
      for (float[] q : queries) {
        results.add(virtual.submit(() -> index.search(q, 10)));
      }
      for (int i = 0; i < queries.length; i++) {
        assertThat(results.get(i).get()).isEqualTo(expected.get(i));
      }
    }
  }

  @Test
  void remove_manyVectors_compactsOnTheBackgroundExecutorNotTheCaller() {
    ConcurrentLinkedQueue<Runnable> background = new ConcurrentLinkedQueue<>();
    VectorIndex index = VectorIndex.builder(DIM).exactScanLimit(0).maxDegree(8).constructionBeam(24)
        .backgroundExecutor(background::add).build();
    float[][] data = TestVectors.unitVectors(3_000, DIM, 27);
    for (int i = 0; i < data.length; i++) {
      index.add("v" + i, data[i], Map.of());
    }
    for (int i = 0; i < 1_500; i++) {
      index.remove("v" + i);
    }

    assertThat(background).as("one compaction queued, however many removals asked for it").hasSize(1);
    background.poll().run();

    assertThat(index.size()).isEqualTo(1_500);
    assertThat(index.search(data[2_000], 10)).hasSize(10)
        .allSatisfy(hit -> assertThat(Integer.parseInt(hit.id().substring(1))).isGreaterThanOrEqualTo(1_500));
    assertThat(index.search(data[2_000], 1).get(0).id()).isEqualTo("v2000");
  }

  @Test
  void add_pastQuantizationSize_trainsOnceOnTheBackgroundExecutor() {
    ConcurrentLinkedQueue<Runnable> background = new ConcurrentLinkedQueue<>();
    VectorIndex index = VectorIndex.builder(DIM).exactScanLimit(0)
        .productQuantization(8, 600).backgroundExecutor(background::add).build();
    float[][] data = TestVectors.unitVectors(1_000, DIM, 28);
    for (int i = 0; i < data.length; i++) {
      index.add("v" + i, data[i], Map.of());
    }

    assertThat(background).as("training queued once, not run on the adding thread").hasSize(1);
    assertThat(((GraphVectorIndex) index).quantized()).isFalse();
    background.poll().run();
    assertThat(((GraphVectorIndex) index).quantized()).isTrue();
    assertThat(index.search(data[999], 1).get(0).id()).isEqualTo("v999");
  }
}
