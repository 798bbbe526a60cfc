package dev.swarm.examples.demo;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.swarm.api.Checks;
import dev.swarm.api.SwarmConfig;
import dev.swarm.api.TaskResult;
import dev.swarm.api.inference.ModelTier;
import dev.swarm.examples.hybrid.HybridSwarm;
import dev.swarm.examples.hybrid.Workload;
import dev.swarm.examples.models.ModelTiers;
import dev.swarm.examples.research.ResearchSwarm;
import dev.swarm.inference.InferenceStats;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code swarm demo}'s main job: the research swarm answers a question, then the same question and
 * a paraphrase of it (both from the semantic cache); the hybrid swarm runs a mixed workload. The
 * result is a {@link DemoReport}.
 *
 * @param config where models, thresholds and worker counts come from
 * @param tiers the models to run on
 * @param timeScale the demo models' time scale, for the report
 * @param tasks how many hybrid-workload tasks to run
 * @param out where progress goes
 * @param terminal whether {@code out} is a terminal (a redrawn bar) or not (plain lines)
 */
public record DemoRun(SwarmConfig config, ModelTiers tiers, double timeScale, int tasks, PrintWriter out, boolean terminal) {
  /** The research question, then a repeat and a paraphrase of it that the semantic cache answers. */
  static final List<String> QUESTIONS = List.of(
      "How should a mid-sized bank adopt LLM agents for customer support?",
      "How should a mid-sized bank adopt LLM agents for customer support?",
      "How should a mid-sized bank introduce LLM agents for customer support?");

  /** Validates. */
  public DemoRun {
    Checks.notNull(config, "config");
    Checks.notNull(tiers, "tiers");
    Checks.positive(tasks, "tasks");
    Checks.notNull(out, "out");
  }

  /** Runs both systems and reports. */
  public DemoReport run() {
    long started = System.nanoTime();
    say("swarm demo: " + tiers.describe());
    say("loading the in-process embedding model (all-MiniLM-L6-v2)…");
    EmbeddingModel embeddings = new AllMiniLmL6V2EmbeddingModel();
    DemoReport.Research research = research(embeddings);
    DemoReport.Hybrid hybrid = hybrid();
    return new DemoReport(tiers.describe(), tiers.offline(), timeScale, research, hybrid,
        (System.nanoTime() - started) / 1e9);
  }

  private DemoReport.Research research(EmbeddingModel embeddings) {
    say("research swarm: planning, aggregating over shared memory, synthesising, evaluating…");
    List<DemoReport.Question> questions = new ArrayList<>();
    try (ResearchSwarm swarm = ResearchSwarm.start(tiers, config, embeddings, 3)) {
      Progress progress = new Progress(out, terminal, "research", QUESTIONS.size());
      for (String question : QUESTIONS) {
        ResearchSwarm.Answer answer = swarm.ask(question);
        TaskResult r = answer.result();
        String how = !answer.cached() ? "swarm" : answer.similarity() >= 1.0 ? "cache (exact)" : "cache (semantic)";
        questions.add(new DemoReport.Question(question, how, answer.similarity(), r.latency().toNanos() / 1e9,
            r.costUsd(), r.output()));
        progress.step();
      }
      return new DemoReport.Research(questions, swarm.ledger().calls().size(), swarm.verdictsPassed(),
          swarm.verdictsFailed(), swarm.ledger().totalCostUsd());
    }
  }

  private DemoReport.Hybrid hybrid() {
    say("hybrid swarm: " + tasks + " tasks routed by TaskMaster to " + config.maxWorkers() + " workers…");
    try (HybridSwarm swarm = HybridSwarm.start(tiers, config, List.of())) {
      Progress progress = new Progress(out, terminal, "hybrid", tasks);
      HybridSwarm.Run run = swarm.run(Workload.take(tasks), result -> progress.step());
      InferenceStats stats = swarm.engineStats();
      List<DemoReport.Tier> tierFigures = swarm.ledger().byTier().stream()
          .map(t -> new DemoReport.Tier(t.tier().name(),
              (t.tier() == ModelTier.SMALL ? tiers.small() : tiers.large()).name(), t.requests(), t.share(),
              t.p50().toNanos() / 1e6, t.p95().toNanos() / 1e6, t.costUsd()))
          .toList();
      int completed = (int) run.results().stream().filter(TaskResult::isCompleted).count();
      return new DemoReport.Hybrid(tasks, completed, config.maxWorkers(), tierFigures, stats.totalCostUsd(),
          stats.largeOnlyCostUsd(), stats.cacheHits(), stats.fallbacks(), stats.escalations(),
          run.evaluatorEscalations(), run.verdictsPassed(), run.verdictsFailed());
    }
  }

  private void say(String line) {
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }
}
