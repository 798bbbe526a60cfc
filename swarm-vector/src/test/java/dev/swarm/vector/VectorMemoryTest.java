package dev.swarm.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarm.api.ContextId;
import dev.swarm.api.contract.MemoryContract;
import dev.swarm.api.memory.Memory;
import dev.swarm.api.memory.MemoryEntry;
import dev.swarm.api.memory.MemoryHit;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorMemoryTest extends MemoryContract {
  private static final ExecutorService CPU = Executors.newFixedThreadPool(2);

  @AfterAll
  static void stopPool() {
    CPU.shutdownNow();
  }

  @Override
  protected Memory createMemory() {
    return VectorMemory.of(TestModels.MINI_LM, CPU);
  }

  @Test
  void put_reservedMetadataKey_isRejectedAndStoresNothing() {
    Memory memory = createMemory();
    ContextId ctx = ContextId.of("ctx");
    assertThatThrownBy(() -> memory.put(ctx, "text", Map.of("swarm.context", "other")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("swarm.context");
    assertThat(memory.entries(ctx)).isEmpty();
  }

  @Test
  void search_manyContexts_findsOwnEntryAmongOthers() {
    VectorMemory memory = VectorMemory.of(TestModels.MINI_LM, CPU);
    for (int i = 0; i < 30; i++) {
      memory.put(ContextId.of("task-" + i), "Subtask result " + i + ": the supplier shipped the parts late.", Map.of());
    }
    ContextId mine = ContextId.of("task-7");
    memory.put(mine, "The marketing plan targets students in autumn.", Map.of("agent", "planner"));

    List<MemoryHit> hits = memory.search(mine, "Who is the marketing plan aimed at?", 5);

    assertThat(hits).hasSize(2).allSatisfy(h -> assertThat(h.entry().contextId()).isEqualTo(mine));
    assertThat(hits.get(0).entry().metadata()).containsEntry("agent", "planner");
  }

  @Test
  void memory_onLoadedIndex_servesSavedEntriesInOrderAndAcceptsMore(@TempDir Path dir) {
    VectorMemory memory = VectorMemory.of(TestModels.MINI_LM, CPU);
    ContextId ctx = ContextId.of("research-1");
    memory.put(ctx, "Plan: compare three battery chemistries.", Map.of("kind", "plan"));
    memory.put(ctx, "Result: sodium-ion is cheapest per kWh.", Map.of("kind", "result"));
    memory.index().save(dir);

    VectorMemory loaded = VectorMemory.of(TestModels.MINI_LM, VectorIndex.builder(384).load(dir), CPU);
    loaded.put(ctx, "Result: lithium iron phosphate lasts longest.", Map.of("kind", "result"));

    assertThat(loaded.entries(ctx)).extracting(MemoryEntry::text).containsExactly(
        "Plan: compare three battery chemistries.",
        "Result: sodium-ion is cheapest per kWh.",
        "Result: lithium iron phosphate lasts longest.");
    assertThat(loaded.entries(ctx).get(0).metadata()).isEqualTo(Map.of("kind", "plan"));
    assertThat(loaded.search(ctx, "Which chemistry costs least?", 1).get(0).entry().text()).contains("sodium-ion");
  }
}
