package dev.swarm.examples.hybrid;

import dev.swarm.api.AgentCard;
import dev.swarm.api.AgentRole;
import dev.swarm.api.Task;
import dev.swarm.api.TaskResult;
import dev.swarm.api.TaskStatus;
import dev.swarm.api.inference.InferenceRequest;
import dev.swarm.api.inference.InferenceResult;
import dev.swarm.api.inference.RoutingHint;
import dev.swarm.core.AgentOptions;
import dev.swarm.core.BaseAgent;
import java.util.Map;

/**
 * A hybrid-swarm worker: answers one prompt through the hybrid engine on the tier the orchestrator
 * chose (the engine still caches, budgets, retries and falls back). A revision the evaluator asked
 * for goes to the large tier: the small one already had its chance.
 */
public final class HybridWorker extends BaseAgent {
  /** The skill every hybrid worker offers. */
  public static final String SKILL = "answer";

  private static final String MASTER_PROMPT =
      "You are a careful worker in a swarm. Answer exactly what is asked, in the format asked for. "
          + "Never state a figure the task does not give you.";

  /** A worker with id {@code id} running up to {@code maxConcurrent} tasks at once. */
  public HybridWorker(String id, int maxConcurrent) {
    super(AgentCard.of(id, AgentRole.WORKER, SKILL),
        AgentOptions.defaults().withMasterPrompt(MASTER_PROMPT).withMaxConcurrent(maxConcurrent)
            .withQueueCapacity(10_000));
  }

  @Override
  protected TaskResult process(Task task) {
    InferenceResult answer = infer(InferenceRequest.builder(task.input())
        .hint(hintFor(task))
        .maxTokens(512)
        .build());
    return new TaskResult(task.id(), TaskStatus.COMPLETED, answer.content(), null, answer.latency(), answer.costUsd(),
        Map.of("tier", answer.tier().name(), "model", answer.model(), "fellBack", Boolean.toString(answer.fellBack()),
            "worker", id()));
  }

  private static RoutingHint hintFor(Task task) {
    if (task.metadata().containsKey("revisionOf")) {
      return RoutingHint.FORCE_LARGE;
    }
    return switch (task.metadata().getOrDefault(HybridOrchestrator.TIER, "")) {
      case "SMALL" -> RoutingHint.FORCE_SMALL;
      case "LARGE" -> RoutingHint.FORCE_LARGE;
      default -> RoutingHint.AUTO;
    };
  }
}
