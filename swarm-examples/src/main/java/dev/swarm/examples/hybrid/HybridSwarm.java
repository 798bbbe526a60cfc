package dev.swarm.examples.hybrid;

import dev.swarm.api.Agent;
import dev.swarm.api.Checks;
import dev.swarm.api.SwarmConfig;
import dev.swarm.api.Task;
import dev.swarm.api.TaskResult;
import dev.swarm.api.event.SwarmEventListener;
import dev.swarm.core.EventBus;
import dev.swarm.core.Swarm;
import dev.swarm.examples.demo.CallLedger;
import dev.swarm.examples.models.ModelTiers;
import dev.swarm.inference.HybridInferenceEngine;
import dev.swarm.inference.InferenceStats;
import dev.swarm.inference.ResilienceSettings;
import dev.swarm.inference.router.TaskMaster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The hybrid swarm, wired: TaskMaster routes a mixed workload through an orchestrator to workers,
 * each worker infers through the hybrid engine (small tier for routine work, large for hard work,
 * fallback when the small one fails, cascade escalation when its JSON is broken), and an evaluator
 * checks every answer for broken structure and unsupported claims.
 *
 * <pre>{@code
 * try (HybridSwarm swarm = HybridSwarm.start(ModelTiers.offline(0.1, 10), SwarmConfig.fromEnv(), List.of())) {
 *   HybridSwarm.Run run = swarm.run(Workload.take(100), result -> {});
 *   System.out.println(swarm.engineStats());
 * }
 * }</pre>
 */
public final class HybridSwarm implements AutoCloseable {
  private final Swarm swarm;
  private final HybridInferenceEngine engine;
  private final CallLedger ledger;
  private final EventBus events;

  private HybridSwarm(Swarm swarm, HybridInferenceEngine engine, CallLedger ledger, EventBus events) {
    this.swarm = swarm;
    this.engine = engine;
    this.ledger = ledger;
    this.events = events;
  }

  /**
   * Starts a hybrid swarm on {@code tiers}. With no {@code remoteWorkers}, it runs {@code
   * config.maxWorkers()} local workers; with some, the tasks go to them instead (they run their
   * own engines in their own processes).
   */
  public static HybridSwarm start(ModelTiers tiers, SwarmConfig config, List<Agent> remoteWorkers) {
    Checks.notNull(tiers, "tiers");
    Checks.notNull(config, "config");
    EventBus events = EventBus.of();
    TaskMaster router = TaskMaster.withDefaultModel(config);
    HybridInferenceEngine engine = engine(tiers, config, router, events);
    CallLedger ledger = new CallLedger(engine);
    Swarm.Builder builder = Swarm.builder()
        .config(config)
        .eventBus(events)
        .inferenceEngine(ledger)
        .evaluator(new AnswerChecks())
        .maxRounds(2)
        .agent(new HybridOrchestrator(router, 1_000));
    if (remoteWorkers.isEmpty()) {
      for (int i = 1; i <= config.maxWorkers(); i++) {
        builder.agent(new HybridWorker("worker-" + i, 16));
      }
    } else {
      remoteWorkers.forEach(builder::agent);
    }
    return new HybridSwarm(builder.build(), engine, ledger, events);
  }

  /**
   * The engine a hybrid worker infers through: the default router, the structure verifier in
   * cascade mode, and retries kept short because a demo fault never heals on retry.
   */
  public static HybridInferenceEngine engine(
      ModelTiers tiers, SwarmConfig config, TaskMaster router, SwarmEventListener events) {
    return HybridInferenceEngine.builder()
        .config(config)
        .small(tiers.small())
        .large(tiers.large())
        .classifier(router)
        .verifier(AnswerChecks.structure())
        .events(events)
        .resilience(ResilienceSettings.builder()
            .maxAttempts(2)
            .initialBackoff(Duration.ofMillis(20))
            .callTimeout(Duration.ofSeconds(120))
            .build())
        .build();
  }

  /**
   * What a run produced.
   *
   * @param results every task's result, in workload order
   * @param evaluatorEscalations answers the evaluator failed and sent back to the large tier
   * @param verdictsPassed final answers that passed evaluation
   * @param verdictsFailed final answers that kept failing after every round
   */
  public record Run(List<TaskResult> results, int evaluatorEscalations, int verdictsPassed, int verdictsFailed) {
    /** Validates and copies. */
    public Run {
      results = List.copyOf(results);
    }
  }

  /** Runs {@code items} concurrently; {@code onDone} hears each result as it lands (any thread). */
  public Run run(List<Workload.Item> items, Consumer<TaskResult> onDone) {
    List<CompletableFuture<TaskResult>> pending = new ArrayList<>();
    for (Workload.Item item : items) {
      Task task = Task.builder(item.prompt()).metadata("family", item.family()).build();
      CompletableFuture<TaskResult> result = swarm.submit(task).result();
      result.thenAccept(onDone);
      pending.add(result);
    }
    List<TaskResult> results = pending.stream().map(CompletableFuture::join).toList();
    int escalations = 0;
    int passed = 0;
    int failed = 0;
    for (TaskResult r : results) {
      if (Integer.parseInt(r.metadata().getOrDefault("evaluation.rounds", "1")) > 1) {
        escalations++;
      }
      if (Boolean.parseBoolean(r.metadata().getOrDefault("evaluation.pass", "false"))) {
        passed++;
      } else {
        failed++;
      }
    }
    return new Run(results, escalations, passed, failed);
  }

  /** The engine's lifetime figures: requests, tier shares, fallbacks, cost and savings. */
  public InferenceStats engineStats() {
    return engine.stats();
  }

  /** Every model call of this swarm. */
  public CallLedger ledger() {
    return ledger;
  }

  /** The underlying swarm, for hosts that register more agents or listen to events. */
  public Swarm swarm() {
    return swarm;
  }

  @Override
  public void close() {
    swarm.close();
    events.close();
  }
}
