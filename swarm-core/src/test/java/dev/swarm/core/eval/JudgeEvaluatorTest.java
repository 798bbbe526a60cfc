package dev.swarm.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarm.api.SwarmException;
import dev.swarm.api.Task;
import dev.swarm.api.contract.EvaluatorContract;
import dev.swarm.api.eval.Evaluator;
import dev.swarm.api.eval.Verdict;
import org.junit.jupiter.api.Test;

class JudgeEvaluatorTest extends EvaluatorContract {
  /** A judge that likes answers citing a source. */
  private final Evaluator judge = Evaluators.judge(TestEngines.replying(prompt -> prompt.contains("[source]")
      ? "{\"score\": 0.9, \"feedback\": \"\"}"
      : "```json\n{\"score\": 0.3, \"feedback\": \"cite a source\"}\n```"), "Cites a source for every figure", 0.7);

  @Override
  protected Evaluator createEvaluator() {
    return judge;
  }

  @Override
  protected Task task() {
    return Task.of("What was Q3 revenue?");
  }

  @Override
  protected String goodAnswer() {
    return "$12M [source]";
  }

  @Override
  protected String badAnswer() {
    return "$12M";
  }

  @Test
  void evaluate_badAnswer_carriesTheJudgesFeedback() {
    assertThat(judge.evaluate(task(), badAnswer()).feedback()).isEqualTo("cite a source");
  }

  @Test
  void evaluate_unreadableReply_failsSayingSo() {
    Verdict v = Evaluators.judge(TestEngines.replying(p -> "Looks great!"), "rubric", 0.5).evaluate(task(), "x");
    assertThat(v.pass()).isFalse();
    assertThat(v.feedback()).contains("not JSON");
  }

  @Test
  void evaluate_engineFails_failsInsteadOfThrowing() {
    Verdict v = Evaluators.judge(r -> {
      throw new SwarmException.Retriable("model unavailable");
    }, "rubric", 0.5).evaluate(task(), "x");
    assertThat(v.pass()).isFalse();
    assertThat(v.feedback()).contains("model unavailable");
  }

  @Test
  void allOf_combinesVerdicts() {
    Evaluator both = Evaluators.allOf(judge, Evaluators.structural("amount"));
    Verdict v = both.evaluate(task(), "{\"amount\": \"$12M [source]\"}");
    assertThat(v.pass()).isTrue();
    Verdict w = both.evaluate(task(), "$12M [source]");
    assertThat(w.pass()).isFalse();
    assertThat(w.score()).isZero();
  }
}
