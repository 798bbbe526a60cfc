package dev.swarm.vector;

import static dev.langchain4j.store.embedding.filter.MetadataFilterBuilder.metadataKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Percentage.withPercentage;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.RelevanceScore;
import dev.langchain4j.store.embedding.filter.Filter;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The expectations langchain4j's own embedding store tests hold every store to. */
class JVectorEmbeddingStoreTest {
  private static final EmbeddingModel MODEL = TestModels.MINI_LM;
  private static final UUID ID = UUID.fromString("1b4e28ba-2fa1-11d2-883f-0016d3cca427");

  private final JVectorEmbeddingStore store = JVectorEmbeddingStore.of(VectorIndex.builder(384).build());

  private static Embedding embed(String text) {
    return MODEL.embed(text).content();
  }

  private List<EmbeddingMatch<TextSegment>> all() {
    return store.search(EmbeddingSearchRequest.builder().queryEmbedding(embed("test")).maxResults(1000).build())
        .matches();
  }

  private static Metadata typedMetadata() {
    return new Metadata()
        .put("string_empty", "").put("string_abc", "abc").put("uuid", ID)
        .put("integer_min", Integer.MIN_VALUE).put("integer_1", 1)
        .put("long_max", Long.MAX_VALUE).put("float_123", 1.23456789f)
        .put("float_0", Float.MIN_VALUE).put("double_123", 1.23456789d);
  }

  @Test
  void add_segmentWithTypedMetadata_roundTripsIdScoreEmbeddingTextAndTypes() {
    TextSegment segment = TextSegment.from("hello", typedMetadata());
    Embedding embedding = embed("hello");
    String id = store.add(embedding, segment);

    EmbeddingMatch<TextSegment> match = store.search(
        EmbeddingSearchRequest.builder().queryEmbedding(embedding).maxResults(1).build()).matches().get(0);

    assertThat(match.embeddingId()).isEqualTo(id);
    assertThat(match.score()).isCloseTo(1, withPercentage(1));
    assertThat(match.embedding()).isEqualTo(embedding);
    assertThat(match.embedded().text()).isEqualTo("hello");
    Metadata m = match.embedded().metadata();
    assertThat(m.getString("string_empty")).isEmpty();
    assertThat(m.getUUID("uuid")).isEqualTo(ID);
    assertThat(m.getInteger("integer_min")).isEqualTo(Integer.MIN_VALUE);
    assertThat(m.getLong("long_max")).isEqualTo(Long.MAX_VALUE);
    assertThat(m.getFloat("float_123")).isEqualTo(1.23456789f);
    assertThat(m.getFloat("float_0")).isEqualTo(Float.MIN_VALUE);
    assertThat(m.getDouble("double_123")).isEqualTo(1.23456789d);
    assertThat(m.toMap()).isEqualTo(typedMetadata().toMap());
  }

  @Test
  void search_returnsBestFirstWithRelevanceScoresAndHonoursMinScore() {
    Embedding first = embed("The cat sleeps on the sofa.");
    Embedding second = embed("Interest rates rose again this quarter.");
    String firstId = store.add(first);
    String secondId = store.add(second);
    Embedding query = embed("A kitten naps on the couch.");

    List<EmbeddingMatch<TextSegment>> matches = store.search(
        EmbeddingSearchRequest.builder().queryEmbedding(query).maxResults(10).build()).matches();

    assertThat(matches).extracting(EmbeddingMatch::embeddingId).containsExactly(firstId, secondId);
    assertThat(matches.get(0).score())
        .isCloseTo(RelevanceScore.fromCosineSimilarity(CosineSimilarity.between(first, query)), withPercentage(1));
    assertThat(matches.get(1).score())
        .isCloseTo(RelevanceScore.fromCosineSimilarity(CosineSimilarity.between(second, query)), withPercentage(1));
    double between = (matches.get(0).score() + matches.get(1).score()) / 2;
    assertThat(store.search(EmbeddingSearchRequest.builder().queryEmbedding(query).maxResults(10)
        .minScore(between).build()).matches()).extracting(EmbeddingMatch::embeddingId).containsExactly(firstId);
    assertThat(matches.get(0).embedded()).isNull();
  }

  @Test
  void search_withFilter_appliesTypedComparisons() {
    for (int year = 2019; year <= 2024; year++) {
      TextSegment s = TextSegment.from("Annual report for " + year,
          new Metadata().put("year", year).put("tenant", year % 2 == 0 ? "acme" : "globex"));
      store.add(embed(s.text()), s);
    }
    Filter recentAcme = metadataKey("year").isGreaterThan(2020).and(metadataKey("tenant").isEqualTo("acme"));

    List<EmbeddingMatch<TextSegment>> matches = store.search(EmbeddingSearchRequest.builder()
        .queryEmbedding(embed("annual report")).maxResults(10).filter(recentAcme).build()).matches();

    assertThat(matches).extracting(m -> m.embedded().metadata().getInteger("year"))
        .containsExactlyInAnyOrder(2022, 2024);
  }

  @Test
  void addAll_withIdsAndSegments_storesEachAndRejectsMismatchedSizes() {
    List<TextSegment> segments = List.of(TextSegment.from("one"), TextSegment.from("two"));
    store.addAll(List.of("a", "b"), List.of(embed("one"), embed("two")), segments);

    assertThat(all()).extracting(EmbeddingMatch::embeddingId).containsExactlyInAnyOrder("a", "b");
    assertThatThrownBy(() -> store.addAll(List.of("c"), List.of(embed("x"), embed("y")), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same size");
    assertThat(store.addAll(List.of(embed("three"), embed("four")))).hasSize(2).doesNotHaveDuplicates();
    assertThat(all()).hasSize(4);
  }

  @Test
  void add_otherDimension_isRejectedAndKeepsWhatWasThere() {
    store.add("keep", embed("kept"));
    assertThatThrownBy(() -> store.add("keep", Embedding.from(new float[] {1, 2, 3})))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("384");
    assertThatThrownBy(() -> store.search(EmbeddingSearchRequest.builder()
        .queryEmbedding(Embedding.from(new float[] {1, 2})).build()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(all()).extracting(EmbeddingMatch::embeddingId).containsExactly("keep");
  }

  @Test
  void remove_byIdsAndFilterAndAll_removesExactlyThose() {
    String id1 = store.add(embed("test1"));
    String id2 = store.add(embed("test2"));
    String id3 = store.add(embed("test3"));
    TextSegment typed = TextSegment.from("matching", Metadata.from("type", "a"));
    store.add(embed("matching"), typed);

    store.remove(id1);
    assertThat(all()).extracting(EmbeddingMatch::embeddingId).doesNotContain(id1).hasSize(3);
    store.removeAll(metadataKey("type").isEqualTo("a"));
    assertThat(all()).extracting(EmbeddingMatch::embeddingId).containsExactlyInAnyOrder(id2, id3);
    store.removeAll((Collection<String>) null);
    store.removeAll(List.of());
    assertThat(all()).hasSize(2);
    store.removeAll(List.of(id2));
    assertThat(all()).extracting(EmbeddingMatch::embeddingId).containsExactly(id3);
    store.removeAll();
    assertThat(all()).isEmpty();
  }

  @Test
  void remove_nullOrBlankIdOrNullFilter_isRejectedLikeLangchain4jStores() {
    for (String bad : new String[] {null, "", " "}) {
      assertThatThrownBy(() -> store.remove(bad))
          .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("id cannot be null or blank");
    }
    assertThatThrownBy(() -> store.removeAll((Filter) null))
        .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("filter cannot be null");
  }

  @Test
  void save_thenLoadIntoNewStore_servesSameSegmentsAndTypes(@TempDir Path dir) {
    TextSegment segment = TextSegment.from("persisted", typedMetadata());
    String id = store.add(embed("persisted"), segment);
    store.save(dir);

    JVectorEmbeddingStore loaded = JVectorEmbeddingStore.of(VectorIndex.builder(384).load(dir));

    EmbeddingMatch<TextSegment> match = loaded.search(EmbeddingSearchRequest.builder()
        .queryEmbedding(embed("persisted")).maxResults(1).build()).matches().get(0);
    assertThat(match.embeddingId()).isEqualTo(id);
    assertThat(match.embedded()).isEqualTo(segment);
    assertThat(loaded.search(EmbeddingSearchRequest.builder().queryEmbedding(embed("persisted"))
        .filter(metadataKey("integer_1").isEqualTo(1)).build()).matches()).hasSize(1);
  }
}
