package dev.swarm.examples.hybrid;

import dev.swarm.api.AgentCard;
import dev.swarm.api.AgentRole;
import dev.swarm.api.Task;
import dev.swarm.api.TaskResult;
import dev.swarm.api.inference.Complexity;
import dev.swarm.api.inference.ModelTier;
import dev.swarm.core.AgentOptions;
import dev.swarm.core.BaseAgent;
import dev.swarm.inference.router.TaskMaster;
import java.util.Locale;

/**
 * The hybrid swarm's orchestrator: scores each task with {@link TaskMaster}, records the decision
 * on the task, and hands it to the least-loaded worker, local or remote. A revision the evaluator
 * asked for keeps its {@code revisionOf} marker, so the worker escalates it to the large tier.
 */
public final class HybridOrchestrator extends BaseAgent {
  /** Task metadata: the tier TaskMaster chose. */
  public static final String TIER = "routing.tier";
  /** Task metadata: TaskMaster's score. */
  public static final String SCORE = "routing.score";

  private final TaskMaster router;

  /** An orchestrator routing with {@code router}, running up to {@code maxConcurrent} tasks. */
  public HybridOrchestrator(TaskMaster router, int maxConcurrent) {
    super(AgentCard.of("hybrid-orchestrator", AgentRole.ORCHESTRATOR, "orchestrate"),
        AgentOptions.defaults().withMaxConcurrent(maxConcurrent).withQueueCapacity(10_000));
    this.router = router;
  }

  @Override
  protected TaskResult process(Task task) throws Exception {
    Complexity complexity = router.classify(task.input());
    ModelTier tier = router.tierFor(complexity);
    Task work = task.subtask(task.input())
        .skill(HybridWorker.SKILL)
        .metadata(task.metadata())
        .metadata(TIER, tier.name())
        .metadata(SCORE, String.format(Locale.ROOT, "%.3f", complexity.score()))
        .build();
    TaskResult done = dispatch(work).result().get();
    return new TaskResult(task.id(), done.status(), done.output(), done.error(), done.latency(), done.costUsd(),
        done.metadata());
  }
}
