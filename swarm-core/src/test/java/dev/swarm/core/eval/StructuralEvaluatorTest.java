package dev.swarm.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarm.api.Task;
import dev.swarm.api.contract.EvaluatorContract;
import dev.swarm.api.eval.Evaluator;
import dev.swarm.api.eval.Verdict;
import org.junit.jupiter.api.Test;

class StructuralEvaluatorTest extends EvaluatorContract {
  @Override
  protected Evaluator createEvaluator() {
    return Evaluators.structural("name", "email");
  }

  @Override
  protected Task task() {
    return Task.of("Extract the sender as JSON");
  }

  @Override
  protected String goodAnswer() {
    return "```json\n{\"name\":\"Ada\",\"email\":\"ada@example.org\"}\n```";
  }

  @Override
  protected String badAnswer() {
    return "{\"name\":\"Ada\"}";
  }

  @Test
  void evaluate_missingField_scoresTheShareAndNamesIt() {
    Verdict v = createEvaluator().evaluate(task(), badAnswer());
    assertThat(v.score()).isEqualTo(0.5);
    assertThat(v.feedback()).contains("[email]");
  }

  @Test
  void evaluate_notJsonOrNotObject_scoresZero() {
    assertThat(createEvaluator().evaluate(task(), "Ada, ada@example.org").feedback()).contains("not valid JSON");
    assertThat(createEvaluator().evaluate(task(), "[1,2]").feedback()).contains("must be a JSON object");
  }
}
