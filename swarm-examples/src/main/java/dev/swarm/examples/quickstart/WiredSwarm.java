package dev.swarm.examples.quickstart;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.swarm.api.SwarmConfig;
import dev.swarm.api.Task;
import dev.swarm.api.TaskResult;
import dev.swarm.api.inference.InferenceEngine;
import dev.swarm.api.inference.ModelTier;
import dev.swarm.api.memory.Memory;
import dev.swarm.core.ExecutorPool;
import dev.swarm.core.Orchestrator;
import dev.swarm.core.Planner;
import dev.swarm.core.Swarm;
import dev.swarm.core.eval.Evaluators;
import dev.swarm.examples.models.ModelTiers;
import dev.swarm.inference.HybridInferenceEngine;
import dev.swarm.inference.ModelProvider;
import dev.swarm.inference.PriceSheet;
import dev.swarm.inference.router.TaskMaster;
import dev.swarm.vector.VectorMemory;
import java.util.List;

/**
 * A swarm wired by hand: a hybrid engine over two langchain4j chat models, shared vector memory,
 * an orchestrator that plans with the large model, two workers, and a judge that sends weak answers
 * back for revision. The README's "Embed it" section shows the body of {@link #answer}.
 */
public final class WiredSwarm {
  private WiredSwarm() {}

  /** Answers one task with a swarm over {@code small} and {@code large}, any langchain4j chat models. */
  public static TaskResult answer(ChatModel small, ChatModel large, String question) {
    // README:begin
    InferenceEngine engine = HybridInferenceEngine.builder()
        .small(ModelProvider.of(ModelTier.SMALL, small, PriceSheet.perRequest(0.0001)))
        .large(ModelProvider.of(ModelTier.LARGE, large, PriceSheet.perMillionTokens(3, 15)))
        .classifier(TaskMaster.withDefaultModel()) // the learned router that ships with swarm
        .build();
    Memory memory = VectorMemory.of(new AllMiniLmL6V2EmbeddingModel(), ExecutorPool.shared().cpuExecutor());

    try (Swarm swarm = Swarm.builder()
        .inferenceEngine(engine)
        .memory(memory)
        .agent(Orchestrator.of("lead", Planner.llm(engine, List.of(SummaryWorker.SKILL))))
        .agent(new SummaryWorker("summariser-1"))
        .agent(new SummaryWorker("summariser-2"))
        .evaluator(Evaluators.judge(engine, "Accurate, specific, one sentence per point.", 0.7))
        .build()) {
      return swarm.submit(Task.of(question)).result().join();
    }
    // README:end
  }

  /** Runs the example on the models the environment configures, else on the offline demo models. */
  public static void main(String[] args) {
    ModelTiers tiers = ModelTiers.from(SwarmConfig.fromEnv(), 0.1, 0);
    TaskResult result = answer(tiers.small().model(), tiers.large().model(), "Summarise the Q3 report for the board");
    System.out.println(result.status() + " in " + result.latency().toMillis() + " ms for $" + result.costUsd());
    System.out.println(result.output());
  }
}
