package dev.swarm.vector;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.swarm.api.ContextId;
import dev.swarm.api.memory.Memory;
import dev.swarm.api.memory.MemoryEntry;
import dev.swarm.api.memory.MemoryHit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The shared {@link Memory} of a swarm on a {@link VectorIndex}: text is embedded with any
 * langchain4j {@link EmbeddingModel} and kept per context, and a search only ever sees its own
 * context.
 *
 * <pre>{@code
 * ExecutorService cpu = Executors.newFixedThreadPool(2);
 * Memory memory = VectorMemory.of(new AllMiniLmL6V2EmbeddingModel(), cpu);
 * memory.put(ContextId.of("task-42"), "Revenue grew 12% on cloud sales.", Map.of("agent", "analyst"));
 * List<MemoryHit> hits = memory.search(ContextId.of("task-42"), "How did revenue do?", 3);
 * }</pre>
 *
 * <p>Callers block while embedding and searching run on the executor given here: a bounded
 * platform pool, since both are CPU work and jvector keeps per-thread scratch space. Each entry's
 * text, context and order travel in the index's metadata, so a memory built on a loaded index
 * serves what was saved.
 */
public final class VectorMemory implements Memory {
  private static final String CONTEXT = "swarm.context";
  private static final String TEXT = "swarm.text";
  private static final String SEQUENCE = "swarm.seq";

  private final EmbeddingModel model;
  private final VectorIndex index;
  private final Executor executor;
  private final AtomicLong sequence = new AtomicLong();
  // Per context, entries by sequence number: insertion order without a lock.
  private final Map<ContextId, ConcurrentSkipListMap<Long, MemoryEntry>> contexts = new ConcurrentHashMap<>();

  private VectorMemory(EmbeddingModel model, VectorIndex index, Executor executor) {
    this.model = model;
    this.index = index;
    this.executor = executor;
    for (String id : index.ids(VectorFilter.all())) {
      index.metadata(id).ifPresent(stored -> restore(id, stored));
    }
  }

  /** A memory on a new index sized for {@code model}'s embeddings, working on {@code executor}. */
  public static VectorMemory of(EmbeddingModel model, Executor executor) {
    Objects.requireNonNull(model, "model must not be null");
    return of(model, VectorIndex.builder(model.dimension()).build(), executor);
  }

  /**
   * A memory on {@code index}, which may hold what an earlier memory saved; works on
   * {@code executor}.
   */
  public static VectorMemory of(EmbeddingModel model, VectorIndex index, Executor executor) {
    return new VectorMemory(
        Objects.requireNonNull(model, "model must not be null"),
        Objects.requireNonNull(index, "index must not be null"),
        Objects.requireNonNull(executor, "executor must not be null"));
  }

  /** The index underneath, to save it. */
  public VectorIndex index() {
    return index;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if a metadata key starts with {@code swarm.}, which this
   *     memory reserves for itself
   */
  @Override
  public MemoryEntry put(ContextId contextId, String text, Map<String, String> metadata) {
    Objects.requireNonNull(metadata, "metadata must not be null");
    for (String key : metadata.keySet()) {
      if (key.startsWith("swarm.")) {
        throw new IllegalArgumentException("metadata key " + key + " is reserved: keys starting with swarm. are");
      }
    }
    MemoryEntry entry = new MemoryEntry(UUID.randomUUID().toString(), contextId, text, metadata);
    long seq = sequence.incrementAndGet();
    Map<String, String> stored = new HashMap<>(metadata);
    stored.put(CONTEXT, contextId.value());
    stored.put(TEXT, text);
    stored.put(SEQUENCE, Long.toString(seq));
    Offload.run(executor, () -> {
      index.add(entry.id(), Offload.embed(model, text), stored);
      return entry;
    }, "storing a memory entry");
    contexts.computeIfAbsent(contextId, c -> new ConcurrentSkipListMap<>()).put(seq, entry);
    return entry;
  }

  @Override
  public List<MemoryHit> search(ContextId contextId, String query, int topK) {
    Objects.requireNonNull(contextId, "contextId must not be null");
    Objects.requireNonNull(query, "query must not be null");
    if (topK < 1) {
      throw new IllegalArgumentException("topK must be > 0 but was " + topK);
    }
    var entries = contexts.get(contextId);
    if (entries == null || entries.isEmpty()) {
      return List.of();
    }
    List<VectorHit> hits = Offload.run(executor,
        () -> index.search(Offload.embed(model, query), topK, VectorFilter.metadataEquals(CONTEXT, contextId.value())),
        "searching memory");
    List<MemoryHit> found = new ArrayList<>(hits.size());
    for (VectorHit hit : hits) {
      MemoryEntry entry = entries.get(Long.parseLong(hit.metadata().get(SEQUENCE)));
      if (entry != null) {
        found.add(new MemoryHit(entry, hit.score()));
      }
    }
    return found;
  }

  @Override
  public List<MemoryEntry> entries(ContextId contextId) {
    Objects.requireNonNull(contextId, "contextId must not be null");
    var entries = contexts.get(contextId);
    return entries == null ? List.of() : List.copyOf(entries.values());
  }

  @Override
  public void clear(ContextId contextId) {
    Objects.requireNonNull(contextId, "contextId must not be null");
    var entries = contexts.remove(contextId);
    if (entries != null) {
      entries.values().forEach(entry -> index.remove(entry.id()));
    }
  }

  private void restore(String id, Map<String, String> stored) {
    String context = stored.get(CONTEXT);
    String text = stored.get(TEXT);
    String seq = stored.get(SEQUENCE);
    if (context == null || text == null || seq == null) {
      return;
    }
    Map<String, String> metadata = new HashMap<>(stored);
    metadata.keySet().removeIf(key -> key.startsWith("swarm."));
    long number = Long.parseLong(seq);
    sequence.accumulateAndGet(number, Math::max);
    contexts.computeIfAbsent(ContextId.of(context), c -> new ConcurrentSkipListMap<>())
        .put(number, new MemoryEntry(id, ContextId.of(context), text, metadata));
  }
}
