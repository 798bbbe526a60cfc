package dev.swarm.core.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarm.api.Task;
import dev.swarm.api.eval.Evaluator;
import dev.swarm.api.eval.Verdict;
import java.util.List;

/** Checks that an answer is a JSON object with the required fields. */
final class StructuralEvaluator implements Evaluator {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> requiredFields;

  StructuralEvaluator(List<String> requiredFields) {
    this.requiredFields = requiredFields;
  }

  @Override
  public Verdict evaluate(Task task, String answer) {
    if (answer.isBlank()) {
      return Verdict.failed(0, "the answer is empty; reply with a JSON object with fields " + requiredFields);
    }
    JsonNode root;
    try {
      root = JSON.readTree(unfence(answer));
    } catch (JsonProcessingException e) {
      return Verdict.failed(0, "the answer is not valid JSON (" + e.getOriginalMessage()
          + "); reply with a JSON object with fields " + requiredFields);
    }
    if (root == null || !root.isObject()) {
      return Verdict.failed(0, "the answer must be a JSON object with fields " + requiredFields);
    }
    List<String> missing = requiredFields.stream().filter(f -> !root.hasNonNull(f)).toList();
    if (missing.isEmpty()) {
      return Verdict.passed();
    }
    double score = requiredFields.isEmpty() ? 1 : (double) (requiredFields.size() - missing.size()) / requiredFields.size();
    return Verdict.failed(score, "the JSON object lacks required fields " + missing);
  }

  /** The text inside a Markdown code fence, or the text itself: models often fence their JSON. */
  static String unfence(String text) {
    String t = text.strip();
    int firstLine = t.indexOf('\n');
    int close = t.lastIndexOf("```");
    if (t.startsWith("```") && firstLine > 0 && close > firstLine) {
      return t.substring(firstLine + 1, close).strip();
    }
    return t;
  }
}
