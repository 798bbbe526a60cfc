package dev.swarm.core.eval;

import dev.swarm.api.Task;
import dev.swarm.api.eval.Evaluator;
import dev.swarm.api.eval.Verdict;
import java.util.List;
import java.util.stream.Collectors;

/** Passes what every evaluator passes; the weakest score counts. */
final class AllOfEvaluator implements Evaluator {
  private final List<Evaluator> evaluators;

  AllOfEvaluator(List<Evaluator> evaluators) {
    this.evaluators = evaluators;
  }

  @Override
  public Verdict evaluate(Task task, String answer) {
    List<Verdict> verdicts = evaluators.stream().map(e -> e.evaluate(task, answer)).toList();
    double score = verdicts.stream().mapToDouble(Verdict::score).min().orElse(1);
    String feedback = verdicts.stream().filter(v -> !v.pass()).map(Verdict::feedback).collect(Collectors.joining("; "));
    return feedback.isEmpty() ? new Verdict(score, true, "") : Verdict.failed(score, feedback);
  }
}
