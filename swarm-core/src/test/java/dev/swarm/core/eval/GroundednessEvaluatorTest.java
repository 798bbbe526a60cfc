package dev.swarm.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarm.api.ContextId;
import dev.swarm.api.Task;
import dev.swarm.api.contract.EvaluatorContract;
import dev.swarm.api.eval.Evaluator;
import dev.swarm.api.eval.Verdict;
import dev.swarm.api.memory.Memory;
import dev.swarm.api.memory.MemoryEntry;
import dev.swarm.api.memory.MemoryHit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroundednessEvaluatorTest extends EvaluatorContract {
  private static final ContextId CONTEXT = ContextId.of("q3");
  private final WordMemory memory = new WordMemory();

  GroundednessEvaluatorTest() {
    memory.put(CONTEXT, "Revenue grew 12 percent in the third quarter.", Map.of());
    memory.put(CONTEXT, "The company opened two offices in Lisbon.", Map.of());
    memory.put(ContextId.of("other"), "Profits tripled on the moon.", Map.of());
  }

  @Override
  protected Evaluator createEvaluator() {
    return Evaluators.groundedness(memory, 0.6, 1.0);
  }

  @Override
  protected Task task() {
    return Task.builder("Summarise Q3").contextId(CONTEXT).build();
  }

  @Override
  protected String goodAnswer() {
    return "Revenue grew 12 percent in the quarter. The company opened two offices in Lisbon.";
  }

  @Override
  protected String badAnswer() {
    return "Revenue grew 12 percent in the quarter. Profits tripled on the moon.";
  }

  @Test
  void evaluate_claimOnlyInAnotherContext_isUnsupported() {
    Verdict v = createEvaluator().evaluate(task(), badAnswer());
    assertThat(v.score()).isEqualTo(0.5);
    assertThat(v.feedback()).contains("Profits tripled on the moon.").doesNotContain("Revenue grew");
  }

  /** Scores by the share of the query's words found in an entry; enough to tell supported from not. */
  private static final class WordMemory implements Memory {
    private final List<MemoryEntry> entries = new ArrayList<>();

    @Override
    public MemoryEntry put(ContextId contextId, String text, Map<String, String> metadata) {
      MemoryEntry e = new MemoryEntry("e" + entries.size(), contextId, text, metadata);
      entries.add(e);
      return e;
    }

    @Override
    public List<MemoryHit> search(ContextId contextId, String query, int topK) {
      Set<String> words = words(query);
      return entries(contextId).stream()
          .map(e -> new MemoryHit(e, words.stream().filter(words(e.text())::contains).count() / (double) words.size()))
          .sorted((a, b) -> Double.compare(b.score(), a.score()))
          .limit(topK)
          .toList();
    }

    private static Set<String> words(String text) {
      return Set.of(text.toLowerCase(Locale.ROOT).split("\\W+"));
    }

    @Override
    public List<MemoryEntry> entries(ContextId contextId) {
      return entries.stream().filter(e -> e.contextId().equals(contextId)).toList();
    }

    @Override
    public void clear(ContextId contextId) {
      entries.removeIf(e -> e.contextId().equals(contextId));
    }
  }
}
