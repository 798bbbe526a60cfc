package dev.swarm.core.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarm.api.SwarmException;
import dev.swarm.api.Task;
import dev.swarm.api.eval.Evaluator;
import dev.swarm.api.eval.Verdict;
import dev.swarm.api.inference.InferenceEngine;
import dev.swarm.api.inference.InferenceRequest;
import dev.swarm.api.inference.RoutingHint;

/** Asks the large model to grade an answer against a rubric. */
final class JudgeEvaluator implements Evaluator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INSTRUCTIONS = """
      You are a strict reviewer. Grade the answer to the task against the rubric.
      Reply with JSON only: {"score": a number from 0 to 1, "feedback": "what to fix, or empty"}
      """;

  private final InferenceEngine engine;
  private final String rubric;
  private final double passScore;

  JudgeEvaluator(InferenceEngine engine, String rubric, double passScore) {
    this.engine = engine;
    this.rubric = rubric;
    this.passScore = passScore;
  }

  @Override
  public Verdict evaluate(Task task, String answer) {
    if (answer.isBlank()) {
      return Verdict.failed(0, "the answer is empty; answer the task");
    }
    String reply;
    try {
      reply = engine.infer(InferenceRequest.builder("Rubric:\n" + rubric + "\n\nTask:\n" + task.input()
              + "\n\nAnswer:\n" + answer)
          .systemPrompt(INSTRUCTIONS)
          .hint(RoutingHint.FORCE_LARGE)
          .temperature(0)
          .correlationId(task.correlationId())
          .namespace(task.contextId().value())
          .metadata("purpose", "judge")
          .build()).content();
    } catch (SwarmException e) {
      return Verdict.failed(0, "the judge model could not be asked: " + e.getMessage());
    }
    JsonNode root;
    try {
      root = JSON.readTree(StructuralEvaluator.unfence(reply));
    } catch (JsonProcessingException e) {
      return Verdict.failed(0, "the judge's reply was not JSON: " + abbreviate(reply));
    }
    if (root == null || !root.path("score").isNumber()) {
      return Verdict.failed(0, "the judge's reply had no numeric score: " + abbreviate(reply));
    }
    double score = Math.max(0, Math.min(1, root.get("score").asDouble()));
    String feedback = root.path("feedback").asText("");
    if (score >= passScore) {
      return new Verdict(score, true, feedback);
    }
    return Verdict.failed(score, feedback.isBlank() ? "the judge scored the answer " + score + ", below " + passScore : feedback);
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
