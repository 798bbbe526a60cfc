package dev.swarm.core.eval;

import dev.swarm.api.Task;
import dev.swarm.api.eval.Evaluator;
import dev.swarm.api.eval.Verdict;
import dev.swarm.api.memory.Memory;
import dev.swarm.api.memory.MemoryHit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Checks that an answer's claims are supported by the task's retrieved context in shared memory.
 * Each sentence is one claim; its support is the similarity of the closest entry of the task's
 * context, as the memory's embedding model measures it.
 */
final class GroundednessEvaluator implements Evaluator {
  private final Memory memory;
  private final double minSimilarity;
  private final double minSupportedShare;

  GroundednessEvaluator(Memory memory, double minSimilarity, double minSupportedShare) {
    this.memory = memory;
    this.minSimilarity = minSimilarity;
    this.minSupportedShare = minSupportedShare;
  }

  @Override
  public Verdict evaluate(Task task, String answer) {
    List<String> claims = claims(answer);
    if (claims.isEmpty()) {
      return Verdict.failed(0, "the answer is empty; state claims supported by the task's context");
    }
    List<String> unsupported;
    try {
      unsupported = claims.stream().filter(claim -> !supported(task, claim)).toList();
    } catch (RuntimeException e) {
      return Verdict.failed(0, "the context could not be searched to check the claims: " + e.getMessage());
    }
    double share = (double) (claims.size() - unsupported.size()) / claims.size();
    if (share >= minSupportedShare) {
      return new Verdict(share, true, unsupported.isEmpty() ? "" : "unsupported claims: " + unsupported);
    }
    return Verdict.failed(share, String.format(Locale.ROOT,
        "%.0f%% of the claims are supported by the context, below the required %.0f%%; support or remove: %s",
        share * 100, minSupportedShare * 100, unsupported));
  }

  private boolean supported(Task task, String claim) {
    List<MemoryHit> hits = memory.search(task.contextId(), claim, 1);
    return !hits.isEmpty() && hits.getFirst().score() >= minSimilarity;
  }

  private static List<String> claims(String answer) {
    return Arrays.stream(answer.split("(?<=[.!?])\\s+|\\n+"))
        .map(String::strip)
        .filter(s -> s.chars().anyMatch(Character::isLetterOrDigit))
        .toList();
  }
}
