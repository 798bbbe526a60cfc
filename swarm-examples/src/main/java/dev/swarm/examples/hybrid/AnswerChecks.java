package dev.swarm.examples.hybrid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarm.api.Task;
import dev.swarm.api.eval.Evaluator;
import dev.swarm.api.eval.Verdict;
import dev.swarm.api.inference.InferenceRequest;
import dev.swarm.inference.Verifier;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks the hybrid swarm puts on answers. The engine's cascade {@link Verifier} checks
 * structure only (JSON was asked for and does not parse): cheap, and a small model's broken JSON
 * is escalated before it leaves the engine. The swarm's {@link Evaluator} checks the final answer
 * for broken structure and unsupported claims (percentages the task never gave); a failing answer
 * is revised on the large tier, which is the evaluator's escalation.
 */
public final class AnswerChecks implements Evaluator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FIGURE = Pattern.compile("\\d+(?:[.,]\\d+)?%?");
  private static final Pattern FENCE = Pattern.compile("^```[a-zA-Z]*\\s*|\\s*```$");

  /** The structure-only check, for the engine's cascade mode. */
  public static Verifier structure() {
    return (InferenceRequest request, String answer) -> structureProblem(request.prompt(), answer);
  }

  @Override
  public Verdict evaluate(Task task, String answer) {
    return problem(task.input(), answer)
        .map(why -> Verdict.failed(0.2, why))
        .orElseGet(Verdict::passed);
  }

  /** What is wrong with {@code answer} to {@code prompt}, if anything. */
  static Optional<String> problem(String prompt, String answer) {
    Optional<String> structure = structureProblem(prompt, answer);
    if (structure.isPresent()) {
      return structure;
    }
    Set<String> unsupported = new LinkedHashSet<>();
    Matcher m = FIGURE.matcher(answer);
    while (m.find()) {
      String figure = m.group();
      if (figure.endsWith("%") && !prompt.contains(figure)) {
        unsupported.add(figure);
      }
    }
    if (!unsupported.isEmpty()) {
      return Optional.of("unsupported claims: the figures " + unsupported + " appear nowhere in the task");
    }
    return Optional.empty();
  }

  private static Optional<String> structureProblem(String prompt, String answer) {
    if (answer.isBlank()) {
      return Optional.of("the answer is empty");
    }
    if (prompt.contains("JSON") && !parses(answer)) {
      return Optional.of("broken structure: JSON was asked for and the answer does not parse");
    }
    return Optional.empty();
  }

  private static boolean parses(String answer) {
    try {
      JSON.readTree(FENCE.matcher(answer.strip()).replaceAll(""));
      return true;
    } catch (JsonProcessingException e) {
      return false;
    }
  }
}
