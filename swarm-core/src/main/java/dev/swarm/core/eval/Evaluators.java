package dev.swarm.core.eval;

import dev.swarm.api.eval.Evaluator;
import dev.swarm.api.inference.InferenceEngine;
import dev.swarm.api.memory.Memory;
import java.util.List;
import java.util.Objects;

/**
 * The stock evaluators: structure, groundedness against shared memory, and a judge model.
 * Combine them with {@link #allOf}.
 */
public final class Evaluators {
  private Evaluators() {}

  /**
   * Passes answers that are a JSON object (optionally in a Markdown code fence) holding every
   * field in {@code requiredFields} with a non-null value. The score is the share of required
   * fields present; an answer that is not JSON scores zero.
   */
  public static Evaluator structural(String... requiredFields) {
    for (String field : Objects.requireNonNull(requiredFields, "requiredFields must not be null")) {
      if (Objects.requireNonNull(field, "required field must not be null").isBlank()) {
        throw new IllegalArgumentException("required field names must not be blank");
      }
    }
    return new StructuralEvaluator(List.of(requiredFields));
  }

  /**
   * Passes answers whose claims (sentences) are supported by the task's context in {@code
   * memory}: a claim is supported when its closest entry scores at least {@code minSimilarity},
   * and the answer passes when at least {@code minSupportedShare} of its claims are.
   *
   * @param memory the shared memory holding the retrieved context, searched in the task's context
   * @param minSimilarity the similarity a supporting entry must reach, in [0, 1]
   * @param minSupportedShare the share of claims that must be supported, in (0, 1]
   */
  public static Evaluator groundedness(Memory memory, double minSimilarity, double minSupportedShare) {
    Objects.requireNonNull(memory, "memory must not be null");
    if (!(minSimilarity >= 0 && minSimilarity <= 1)) {
      throw new IllegalArgumentException("minSimilarity must be in [0, 1] but was " + minSimilarity);
    }
    if (!(minSupportedShare > 0 && minSupportedShare <= 1)) {
      throw new IllegalArgumentException("minSupportedShare must be in (0, 1] but was " + minSupportedShare);
    }
    return new GroundednessEvaluator(memory, minSimilarity, minSupportedShare);
  }

  /**
   * Asks the large model to grade the answer against {@code rubric}, replying with a JSON score
   * in [0, 1] and feedback; the answer passes at {@code passScore} or above. An unreadable reply
   * or a failed call is a failing verdict that says so.
   */
  public static Evaluator judge(InferenceEngine engine, String rubric, double passScore) {
    Objects.requireNonNull(engine, "engine must not be null");
    if (Objects.requireNonNull(rubric, "rubric must not be null").isBlank()) {
      throw new IllegalArgumentException("rubric must not be blank");
    }
    if (!(passScore >= 0 && passScore <= 1)) {
      throw new IllegalArgumentException("passScore must be in [0, 1] but was " + passScore);
    }
    return new JudgeEvaluator(engine, rubric, passScore);
  }

  /**
   * Passes answers every evaluator passes; scores the lowest score and gathers every failing
   * evaluator's feedback.
   */
  public static Evaluator allOf(Evaluator... evaluators) {
    List<Evaluator> all = List.of(Objects.requireNonNull(evaluators, "evaluators must not be null"));
    if (all.isEmpty()) {
      throw new IllegalArgumentException("allOf needs at least one evaluator");
    }
    return new AllOfEvaluator(all);
  }
}
