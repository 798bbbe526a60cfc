package dev.swarm.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarm.api.ContextId;
import dev.swarm.api.memory.Memory;
import dev.swarm.api.memory.MemoryEntry;
import dev.swarm.api.memory.MemoryHit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Memory} must show. Extend it and return a fresh, empty memory from
 * {@link #createMemory()}; the texts used here are far apart in meaning so any sensible embedding
 * separates them.
 */
public abstract class MemoryContract {
  /** A new, empty memory for one test. */
  protected abstract Memory createMemory();

  @Test
  void put_returnsEntryWithIdTextAndMetadata() {
    Memory memory = createMemory();
    ContextId ctx = ContextId.of("ctx-put");
    MemoryEntry entry = memory.put(ctx, "The cat sat on the mat.", Map.of("kind", "note"));
    assertThat(entry.id()).isNotBlank();
    assertThat(entry.contextId()).isEqualTo(ctx);
    assertThat(entry.text()).isEqualTo("The cat sat on the mat.");
    assertThat(entry.metadata()).containsEntry("kind", "note");
  }

  @Test
  void search_returnsClosestFirstWithScoresInRange() {
    Memory memory = createMemory();
    ContextId ctx = ContextId.of("ctx-search");
    memory.put(ctx, "Quarterly revenue grew twelve percent on strong cloud sales.", Map.of());
    memory.put(ctx, "The recipe needs two eggs, flour and a pinch of salt.", Map.of());
    memory.put(ctx, "The football match ended in a draw after extra time.", Map.of());

    List<MemoryHit> hits = memory.search(ctx, "How much did revenue grow last quarter?", 2);

    assertThat(hits).hasSize(2);
    assertThat(hits.get(0).entry().text()).contains("revenue");
    assertThat(hits.get(0).score()).isGreaterThanOrEqualTo(hits.get(1).score());
    assertThat(hits).allSatisfy(hit -> assertThat(hit.score()).isBetween(0.0, 1.0));
  }

  @Test
  void search_neverReturnsAnotherContextsEntries() {
    Memory memory = createMemory();
    ContextId mine = ContextId.of("ctx-mine");
    ContextId theirs = ContextId.of("ctx-theirs");
    memory.put(theirs, "Secret plans of the other context about revenue.", Map.of());
    memory.put(mine, "Revenue notes for my context.", Map.of());

    List<MemoryHit> hits = memory.search(mine, "revenue", 10);

    assertThat(hits).hasSize(1);
    assertThat(hits).allSatisfy(hit -> assertThat(hit.entry().contextId()).isEqualTo(mine));
  }

  @Test
  void search_emptyContext_returnsEmptyList() {
    assertThat(createMemory().search(ContextId.of("ctx-empty"), "anything", 5)).isEmpty();
  }

  @Test
  void search_topKBelowOne_isRejected() {
    Memory memory = createMemory();
    assertThatThrownBy(() -> memory.search(ContextId.of("ctx"), "q", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("topK");
  }

  @Test
  void entries_listsInInsertionOrder() {
    Memory memory = createMemory();
    ContextId ctx = ContextId.of("ctx-order");
    memory.put(ctx, "first", Map.of());
    memory.put(ctx, "second", Map.of());
    memory.put(ctx, "third", Map.of());
    assertThat(memory.entries(ctx)).extracting(MemoryEntry::text).containsExactly("first", "second", "third");
  }

  @Test
  void clear_forgetsOnlyThatContext() {
    Memory memory = createMemory();
    ContextId a = ContextId.of("ctx-a");
    ContextId b = ContextId.of("ctx-b");
    memory.put(a, "alpha text", Map.of());
    memory.put(b, "beta text", Map.of());
    memory.clear(a);
    assertThat(memory.entries(a)).isEmpty();
    assertThat(memory.search(a, "alpha", 5)).isEmpty();
    assertThat(memory.entries(b)).extracting(MemoryEntry::text).containsExactly("beta text");
  }

  @Test
  void put_concurrentWriters_loseNothing() throws Exception {
    Memory memory = createMemory();
    ContextId ctx = ContextId.of("ctx-concurrent");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<MemoryEntry>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < 64; i++) {
        int n = i;
        futures.add(pool.submit(() -> memory.put(ctx, "note number " + n, Map.of())));
      }
      for (Future<MemoryEntry> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(memory.entries(ctx)).hasSize(64);
    assertThat(memory.entries(ctx)).extracting(MemoryEntry::id).doesNotHaveDuplicates();
  }
}
