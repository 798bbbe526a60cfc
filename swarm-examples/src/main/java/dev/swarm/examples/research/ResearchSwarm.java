package dev.swarm.examples.research;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.swarm.api.Checks;
import dev.swarm.api.SwarmConfig;
import dev.swarm.api.Task;
import dev.swarm.api.TaskResult;
import dev.swarm.api.TaskStatus;
import dev.swarm.api.event.SwarmEvent;
import dev.swarm.api.inference.CacheHit;
import dev.swarm.api.inference.CacheKey;
import dev.swarm.api.inference.InferenceRequest;
import dev.swarm.api.inference.InferenceResult;
import dev.swarm.api.inference.ModelTier;
import dev.swarm.api.inference.TokenUsage;
import dev.swarm.api.memory.Memory;
import dev.swarm.core.EventBus;
import dev.swarm.core.ExecutorPool;
import dev.swarm.core.Plan;
import dev.swarm.core.PlanStep;
import dev.swarm.core.Planner;
import dev.swarm.core.Swarm;
import dev.swarm.core.eval.Evaluators;
import dev.swarm.examples.demo.CallLedger;
import dev.swarm.examples.models.ModelTiers;
import dev.swarm.inference.HybridInferenceEngine;
import dev.swarm.inference.InferenceStats;
import dev.swarm.inference.router.TaskMaster;
import dev.swarm.vector.SemanticCache;
import dev.swarm.vector.VectorMemory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The research swarm, wired: a large model plans the task into subtasks and stores them as vectors
 * in shared memory; aggregators work the subtasks in parallel, each seeing the whole task's context
 * through that memory; the lead retrieves their results and writes the answer, which the evaluator
 * loop (groundedness against memory, then a judge model) checks and revises. Answers are kept in a
 * semantic cache, so a repeated or paraphrased task is answered without running the swarm again.
 *
 * <pre>{@code
 * try (ResearchSwarm research = ResearchSwarm.start(ModelTiers.offline(0.1, 0), SwarmConfig.fromEnv(),
 *     new AllMiniLmL6V2EmbeddingModel(), 3)) {
 *   ResearchSwarm.Answer answer = research.ask("How should a bank adopt LLM agents?");
 * }
 * }</pre>
 */
public final class ResearchSwarm implements AutoCloseable {
  private static final String CACHE_NAMESPACE = "research";
  private static final String RUBRIC =
      "The answer addresses the task, rests on the subtask findings, and says where its points come from.";

  private final Swarm swarm;
  private final SemanticCache answers;
  private final HybridInferenceEngine engine;
  private final CallLedger ledger;
  private final EventBus events;
  private final ExecutorPool pool;
  private final Clock clock;
  private final AtomicInteger verdictsPassed = new AtomicInteger();
  private final AtomicInteger verdictsFailed = new AtomicInteger();

  private ResearchSwarm(Swarm swarm, SemanticCache answers, HybridInferenceEngine engine, CallLedger ledger,
      EventBus events, ExecutorPool pool, Clock clock) {
    this.swarm = swarm;
    this.answers = answers;
    this.engine = engine;
    this.ledger = ledger;
    this.events = events;
    this.pool = pool;
    this.clock = clock;
    events.subscribe(event -> {
      if (event instanceof SwarmEvent.Evaluated evaluated) {
        (evaluated.verdict().pass() ? verdictsPassed : verdictsFailed).incrementAndGet();
      }
    });
  }

  /** Starts a research swarm with {@code aggregators} aggregator agents on {@code tiers}. */
  public static ResearchSwarm start(ModelTiers tiers, SwarmConfig config, EmbeddingModel embeddings, int aggregators) {
    Checks.notNull(tiers, "tiers");
    Checks.notNull(config, "config");
    Checks.notNull(embeddings, "embeddings");
    Checks.positive(aggregators, "aggregators");
    Clock clock = Clock.systemUTC();
    ExecutorPool pool = ExecutorPool.from(config);
    EventBus events = EventBus.of();
    VectorMemory memory = VectorMemory.of(embeddings, pool.cpuExecutor());
    HybridInferenceEngine engine = HybridInferenceEngine.builder()
        .config(config)
        .small(tiers.small())
        .large(tiers.large())
        .classifier(TaskMaster.withDefaultModel(config))
        .events(events)
        .clock(clock)
        .build();
    CallLedger ledger = new CallLedger(engine);
    Planner planner = storingPlanner(Planner.llm(ledger, List.of(Aggregator.SKILL)), memory);
    Swarm.Builder builder = Swarm.builder()
        .config(config)
        .pool(pool)
        .eventBus(events)
        .clock(clock)
        .inferenceEngine(ledger)
        .memory(memory)
        .agent(new ResearchLead(planner,
            Evaluators.allOf(Evaluators.groundedness(memory, 0.45, 0.5), Evaluators.judge(ledger, RUBRIC, 0.8)), 3));
    for (int i = 1; i <= aggregators; i++) {
      builder.agent(new Aggregator("aggregator-" + i));
    }
    SemanticCache answers = SemanticCache.builder(embeddings).executor(pool.cpuExecutor()).build();
    return new ResearchSwarm(builder.build(), answers, engine, ledger, events, pool, clock);
  }

  /**
   * A research answer.
   *
   * @param question what was asked
   * @param result the swarm's result (for a cached answer, a completed result with no cost)
   * @param cached whether the semantic cache answered
   * @param similarity how close the cached question was, 1 for an exact repeat; 0 when not cached
   */
  public record Answer(String question, TaskResult result, boolean cached, double similarity) {}

  /** Answers {@code question}: from the semantic cache when an equivalent was answered, else by the swarm. */
  public Answer ask(String question) {
    long started = System.nanoTime();
    CacheKey key = new CacheKey(CACHE_NAMESPACE, "", question);
    Optional<CacheHit> hit = answers.lookup(key);
    if (hit.isPresent()) {
      Task task = Task.of(question);
      TaskResult cached = new TaskResult(task.id(), TaskStatus.COMPLETED, hit.get().result().content(), null,
          Duration.ofNanos(System.nanoTime() - started), 0, Map.of("cache", hit.get().exact() ? "exact" : "semantic"));
      events.onEvent(new SwarmEvent.Cached(hit.get().similarity(), hit.get().exact(), task.correlationId(), clock.instant()));
      return new Answer(question, cached, true, hit.get().similarity());
    }
    TaskResult result = swarm.submit(Task.of(question)).result().join();
    if (result.isCompleted()) {
      answers.store(key, new InferenceResult(result.output(), ModelTier.LARGE, "research-swarm", TokenUsage.NONE,
          result.costUsd(), result.latency(), false, false, null, "answered by the research swarm"));
    }
    return new Answer(question, result, false, 0);
  }

  /** The engine's figures for this swarm's model calls. */
  public InferenceStats engineStats() {
    return engine.stats();
  }

  /** Every model call of this swarm. */
  public CallLedger ledger() {
    return ledger;
  }

  /** Evaluator verdicts that passed, over every round. */
  public int verdictsPassed() {
    return verdictsPassed.get();
  }

  /** Evaluator verdicts that failed (and led to a revision or a kept best attempt). */
  public int verdictsFailed() {
    return verdictsFailed.get();
  }

  /** The event bus, to watch progress. */
  public EventBus events() {
    return events;
  }

  @Override
  public void close() {
    swarm.close();
    events.close();
    pool.close();
  }

  /**
   * Wraps the LLM planner so the task and every planned subtask are stored as vectors in the
   * task's context before any aggregator starts: each aggregator then retrieves the whole task's
   * context, not just its own subtask.
   */
  private static Planner storingPlanner(Planner planner, Memory memory) {
    return task -> {
      Plan plan = planner.plan(task);
      memory.put(task.contextId(), task.input(), Map.of("kind", "task"));
      for (PlanStep step : plan.steps()) {
        memory.put(task.contextId(), step.input(), Map.of("kind", "subtask", "step", step.id()));
      }
      return plan;
    };
  }
}
