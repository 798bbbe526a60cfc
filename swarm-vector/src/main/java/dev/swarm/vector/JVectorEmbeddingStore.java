package dev.swarm.vector;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingSearchResult;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.filter.Filter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A langchain4j {@link EmbeddingStore} of {@link TextSegment}s on a {@link VectorIndex}: what
 * {@code InMemoryEmbeddingStore} does, with a graph search instead of a full scan, and saved to
 * disk atomically.
 *
 * <pre>{@code
 * JVectorEmbeddingStore store = JVectorEmbeddingStore.of(VectorIndex.builder(384).build());
 * store.add(model.embed(segment).content(), segment);
 * var matches = store.search(EmbeddingSearchRequest.builder()
 *     .queryEmbedding(model.embed("question").content())
 *     .maxResults(5).minScore(0.7)
 *     .filter(metadataKey("tenant").isEqualTo("acme"))
 *     .build()).matches();
 * store.save(Path.of("store"));
 * }</pre>
 *
 * <p>Scores are langchain4j relevance scores, {@code (1 + cosine) / 2}. Thread-safe; every method
 * runs on the calling thread (see {@link VectorIndex} on which threads to search from).
 */
public final class JVectorEmbeddingStore implements EmbeddingStore<TextSegment> {
  private final VectorIndex index;
  // Decoded segments, so filters test typed metadata without parsing it on every candidate.
  private final Map<String, Stored> segments = new ConcurrentHashMap<>();

  private record Stored(@Nullable TextSegment segment) {
    Metadata metadata() {
      return segment == null ? new Metadata() : segment.metadata();
    }
  }

  private JVectorEmbeddingStore(VectorIndex index) {
    this.index = index;
    for (String id : index.ids(VectorFilter.all())) {
      index.metadata(id).ifPresent(encoded -> segments.put(id, new Stored(SegmentCodec.decode(encoded))));
    }
  }

  /**
   * A store on {@code index}; the entries already in it (say, from {@link VectorIndex.Builder#load})
   * are served as this store saved them.
   */
  public static JVectorEmbeddingStore of(VectorIndex index) {
    return new JVectorEmbeddingStore(Objects.requireNonNull(index, "index must not be null"));
  }

  /** The index underneath, to save it or size it. */
  public VectorIndex index() {
    return index;
  }

  /** Saves every entry to {@code directory} atomically; see {@link VectorIndex#save}. */
  public void save(Path directory) {
    index.save(directory);
  }

  @Override
  public String add(Embedding embedding) {
    String id = UUID.randomUUID().toString();
    add(id, embedding);
    return id;
  }

  @Override
  public void add(String id, Embedding embedding) {
    put(id, embedding, null);
  }

  @Override
  public String add(Embedding embedding, TextSegment segment) {
    String id = UUID.randomUUID().toString();
    put(id, embedding, Objects.requireNonNull(segment, "segment must not be null"));
    return id;
  }

  @Override
  public List<String> addAll(List<Embedding> embeddings) {
    List<String> ids = generateIds(Objects.requireNonNull(embeddings, "embeddings must not be null").size());
    for (int i = 0; i < ids.size(); i++) {
      put(ids.get(i), embeddings.get(i), null);
    }
    return ids;
  }

  @Override
  public void addAll(List<String> ids, List<Embedding> embeddings, @Nullable List<TextSegment> segments) {
    Objects.requireNonNull(ids, "ids must not be null");
    Objects.requireNonNull(embeddings, "embeddings must not be null");
    if (ids.size() != embeddings.size() || (segments != null && segments.size() != embeddings.size())) {
      throw new IllegalArgumentException("ids, embeddings and segments must have the same size but had "
          + ids.size() + ", " + embeddings.size() + " and " + (segments == null ? "none" : segments.size()));
    }
    for (int i = 0; i < ids.size(); i++) {
      put(ids.get(i), embeddings.get(i), segments == null ? null : segments.get(i));
    }
  }

  /**
   * Removes the entry under {@code id}, if any.
   *
   * @throws IllegalArgumentException if {@code id} is null or blank, as langchain4j's stores do
   */
  @Override
  public void remove(@Nullable String id) {
    requireId(id);
    segments.remove(id);
    index.remove(id);
  }

  /** Removes every id in {@code ids}; null or empty removes nothing, as langchain4j's stores do. */
  @Override
  public void removeAll(@Nullable Collection<String> ids) {
    if (ids != null) {
      ids.forEach(this::remove);
    }
  }

  /**
   * Removes every entry whose segment metadata {@code filter} accepts.
   *
   * @throws IllegalArgumentException if {@code filter} is null, as langchain4j's stores do
   */
  @Override
  public void removeAll(@Nullable Filter filter) {
    if (filter == null) {
      throw new IllegalArgumentException("filter cannot be null");
    }
    index.ids(accepting(filter)).forEach(this::remove);
  }

  @Override
  public void removeAll() {
    index.ids(VectorFilter.all()).forEach(this::remove);
  }

  @Override
  public EmbeddingSearchResult<TextSegment> search(EmbeddingSearchRequest request) {
    Objects.requireNonNull(request, "request must not be null");
    Filter filter = request.filter();
    List<VectorHit> hits = index.search(
        request.queryEmbedding().vector(), request.maxResults(),
        filter == null ? VectorFilter.all() : accepting(filter));
    List<EmbeddingMatch<TextSegment>> matches = new ArrayList<>(hits.size());
    for (VectorHit hit : hits) {
      if (hit.score() < request.minScore()) {
        break;
      }
      Stored stored = segments.get(hit.id());
      float[] vector = index.vector(hit.id()).orElse(null);
      if (stored != null && vector != null) {
        matches.add(new EmbeddingMatch<>(hit.score(), hit.id(), Embedding.from(vector), stored.segment()));
      }
    }
    return new EmbeddingSearchResult<>(matches);
  }

  private void put(String id, Embedding embedding, @Nullable TextSegment segment) {
    requireId(id);
    Objects.requireNonNull(embedding, "embedding must not be null");
    // The index validates the vector; only an accepted one may replace the segment.
    index.add(id, embedding.vector(), SegmentCodec.encode(segment));
    segments.put(id, new Stored(segment));
  }

  private VectorFilter accepting(Filter filter) {
    return (id, metadata) -> {
      Stored stored = segments.get(id);
      return stored != null && filter.test(stored.metadata());
    };
  }

  private static void requireId(@Nullable String id) {
    // langchain4j's store contract wants an IAE for a null id too, with exactly this message.
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("id cannot be null or blank");
    }
  }
}
