package dev.swarm.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarm.api.Task;
import dev.swarm.api.eval.Evaluator;
import dev.swarm.api.eval.Verdict;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Evaluator} must show. Extend it and supply an evaluator plus a task
 * with one answer it accepts and one it rejects.
 */
public abstract class EvaluatorContract {
  /** The evaluator under test. */
  protected abstract Evaluator createEvaluator();

  /** The task both answers respond to. */
  protected abstract Task task();

  /** An answer the evaluator must pass. */
  protected abstract String goodAnswer();

  /** An answer the evaluator must fail. */
  protected abstract String badAnswer();

  @Test
  void evaluate_goodAnswer_passes() {
    Verdict verdict = createEvaluator().evaluate(task(), goodAnswer());
    assertThat(verdict.pass()).isTrue();
  }

  @Test
  void evaluate_badAnswer_failsWithFeedbackAndLowerScore() {
    Evaluator evaluator = createEvaluator();
    Verdict bad = evaluator.evaluate(task(), badAnswer());
    Verdict good = evaluator.evaluate(task(), goodAnswer());
    assertThat(bad.pass()).isFalse();
    assertThat(bad.feedback()).isNotBlank();
    assertThat(bad.score()).isLessThan(good.score());
  }

  @Test
  void evaluate_emptyAnswer_failsInsteadOfThrowing() {
    Verdict verdict = createEvaluator().evaluate(task(), "");
    assertThat(verdict.pass()).isFalse();
    assertThat(verdict.feedback()).isNotBlank();
  }

  @Test
  void evaluate_isRepeatable() {
    Evaluator evaluator = createEvaluator();
    assertThat(evaluator.evaluate(task(), goodAnswer()).pass())
        .isEqualTo(evaluator.evaluate(task(), goodAnswer()).pass());
  }
}
