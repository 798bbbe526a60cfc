package dev.swarm.examples.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.swarm.api.Checks;
import java.util.List;
import java.util.Locale;

/**
 * What {@code swarm demo} reports: the research swarm's answers and the hybrid swarm's routing,
 * reliability and cost figures. Rendered as text for people and as JSON ({@code --json}) for
 * programs; both carry the same fields.
 *
 * @param models which models ran, and whether they were offline demo models
 * @param offline whether any tier was an offline demo model
 * @param timeScale the demo models' time scale (1 = real-model latencies)
 * @param research the research swarm's part
 * @param hybrid the hybrid swarm's part
 * @param wallSeconds how long the whole demo took
 */
public record DemoReport(
    String models, boolean offline, double timeScale, Research research, Hybrid hybrid, double wallSeconds) {

  /** Validates. */
  public DemoReport {
    Checks.notBlank(models, "models");
    Checks.notNull(research, "research");
    Checks.notNull(hybrid, "hybrid");
  }

  /**
   * One research question and how it was answered.
   *
   * @param question what was asked
   * @param how {@code swarm}, {@code cache (exact)} or {@code cache (semantic)}
   * @param similarity the cache similarity, 0 when the swarm answered
   * @param seconds wall time
   * @param costUsd model spend
   * @param answer the answer
   */
  public record Question(String question, String how, double similarity, double seconds, double costUsd, String answer) {}

  /**
   * The research swarm's part.
   *
   * @param questions each question in order: new, repeated, paraphrased
   * @param modelCalls model calls made
   * @param verdictsPassed evaluator verdicts that passed
   * @param verdictsFailed evaluator verdicts that failed and led to a revision
   * @param costUsd model spend
   */
  public record Research(List<Question> questions, int modelCalls, int verdictsPassed, int verdictsFailed, double costUsd) {
    /** Copies. */
    public Research {
      questions = List.copyOf(questions);
    }
  }

  /**
   * One tier's figures in the hybrid swarm.
   *
   * @param tier SMALL or LARGE
   * @param model the model's name
   * @param requests model calls it answered
   * @param share its share of model calls
   * @param p50Ms median latency in milliseconds
   * @param p95Ms 95th-percentile latency in milliseconds
   * @param costUsd what its calls cost
   */
  public record Tier(String tier, String model, int requests, double share, double p50Ms, double p95Ms, double costUsd) {}

  /**
   * The hybrid swarm's part.
   *
   * @param tasks tasks run
   * @param completed tasks that completed
   * @param workers worker agents
   * @param tiers per-tier figures
   * @param totalCostUsd what every call cost
   * @param allLargeCostUsd what the same calls would have cost on the large tier
   * @param cacheHits calls answered from the cache
   * @param fallbacks small-tier failures the large tier answered
   * @param cascadeEscalations small answers the engine's verifier rejected (broken structure)
   * @param evaluatorEscalations answers the evaluator failed and sent to the large tier
   * @param verdictsPassed final answers that passed the evaluator
   * @param verdictsFailed final answers that did not
   */
  public record Hybrid(
      int tasks, int completed, int workers, List<Tier> tiers, double totalCostUsd, double allLargeCostUsd,
      long cacheHits, long fallbacks, long cascadeEscalations, int evaluatorEscalations,
      int verdictsPassed, int verdictsFailed) {
    /** Copies. */
    public Hybrid {
      tiers = List.copyOf(tiers);
    }

    /** Cost per completed task. */
    public double costPerTaskUsd() {
      return tasks == 0 ? 0 : totalCostUsd / tasks;
    }

    /** Share of the all-large cost saved. */
    public double savingsShare() {
      return allLargeCostUsd == 0 ? 0 : 1 - totalCostUsd / allLargeCostUsd;
    }
  }

  /** The report as pretty-printed JSON. */
  public String toJson() {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("the demo report could not be written as JSON: " + e.getMessage(), e);
    }
  }

  /** The report as text for a terminal. */
  public String toText() {
    StringBuilder t = new StringBuilder();
    t.append("\n== swarm demo report ==\n");
    t.append("models: ").append(models).append('\n');
    if (offline) {
      t.append(f("OFFLINE DEMO MODELS: answers are canned and deterministic; latency scaled by %.2f; priced as real tiers.%n",
          timeScale));
    }
    t.append("\nResearch swarm\n");
    for (Question q : research.questions) {
      String how = q.how() + (q.similarity() > 0 && q.similarity() < 1 ? f(" %.2f", q.similarity()) : "");
      t.append(f("  %-21s %6.2f s  $%.4f  %s%n", how, q.seconds(), q.costUsd(), abbreviate(q.question(), 70)));
    }
    t.append(f("  model calls %d · evaluator verdicts: %d passed, %d failed (each failure revised) · cost $%.4f%n",
        research.modelCalls, research.verdictsPassed, research.verdictsFailed, research.costUsd));
    if (!research.questions.isEmpty()) {
      t.append("  answer:\n");
      research.questions.getFirst().answer().lines().limit(8).forEach(line -> t.append("    ").append(line).append('\n'));
    }
    t.append(f("%nHybrid swarm: %d tasks on %d workers, %d completed%n", hybrid.tasks, hybrid.workers, hybrid.completed));
    t.append(f("  %-6s %-14s %8s %7s %9s %9s %10s%n", "tier", "model", "requests", "share", "p50", "p95", "cost"));
    for (Tier tier : hybrid.tiers) {
      t.append(f("  %-6s %-14s %8d %6.1f%% %7.0fms %7.0fms %10s%n", tier.tier(), abbreviate(tier.model(), 14),
          tier.requests(), tier.share() * 100, tier.p50Ms(), tier.p95Ms(), f("$%.4f", tier.costUsd())));
    }
    t.append(f("  cost $%.4f ($%.5f a task) vs all-large $%.4f: %.1f%% saved%n", hybrid.totalCostUsd,
        hybrid.costPerTaskUsd(), hybrid.allLargeCostUsd, hybrid.savingsShare() * 100));
    t.append(f("  cache hits %d · fallbacks %d · escalations: %d by the verifier, %d by the evaluator%n",
        hybrid.cacheHits, hybrid.fallbacks, hybrid.cascadeEscalations, hybrid.evaluatorEscalations));
    t.append(f("  evaluator verdicts on final answers: %d passed, %d failed%n", hybrid.verdictsPassed, hybrid.verdictsFailed));
    t.append(f("%ndone in %.1f s%n", wallSeconds));
    return t.toString();
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  private static String abbreviate(String text, int max) {
    String oneLine = text.replace('\n', ' ');
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
  }
}
