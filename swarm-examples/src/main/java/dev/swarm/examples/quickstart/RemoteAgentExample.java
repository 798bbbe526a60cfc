package dev.swarm.examples.quickstart;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.swarm.a2a.client.RemoteAgent;
import dev.swarm.a2a.server.A2aServer;
import dev.swarm.api.Agent;
import dev.swarm.api.SwarmConfig;
import dev.swarm.api.Task;
import dev.swarm.api.TaskResult;
import dev.swarm.api.inference.InferenceEngine;
import dev.swarm.api.inference.ModelTier;
import dev.swarm.core.ExecutorPool;
import dev.swarm.core.Swarm;
import dev.swarm.examples.models.ModelTiers;
import dev.swarm.inference.HybridInferenceEngine;
import dev.swarm.inference.ModelProvider;
import dev.swarm.inference.PriceSheet;
import dev.swarm.inference.router.TaskMaster;
import dev.swarm.vector.VectorMemory;

/**
 * An agent served over A2A 1.0 and called as a {@link RemoteAgent}: the caller sees an ordinary
 * swarm {@link Agent}, and any A2A client (the official JS or Python SDKs included) can call the
 * same server.
 */
public final class RemoteAgentExample {
  private RemoteAgentExample() {}

  /** Serves a {@link SummaryWorker} on a free loopback port and asks it {@code question} over A2A. */
  public static TaskResult askOverA2a(ChatModel small, ChatModel large, String question) {
    InferenceEngine engine = HybridInferenceEngine.builder()
        .small(ModelProvider.of(ModelTier.SMALL, small, PriceSheet.perRequest(0.0001)))
        .large(ModelProvider.of(ModelTier.LARGE, large, PriceSheet.perMillionTokens(3, 15)))
        .classifier(TaskMaster.withDefaultModel())
        .build();
    String token = "example-token";
    // The serving side: the worker runs in its own swarm (which starts it and gives it the engine).
    try (Swarm local = Swarm.builder()
            .inferenceEngine(engine)
            .memory(VectorMemory.of(new AllMiniLmL6V2EmbeddingModel(), ExecutorPool.shared().cpuExecutor()))
            .agent(new SummaryWorker("summariser"))
            .build();
        A2aServer server = A2aServer.builder()
            .agent(local.registry().find("summariser").orElseThrow())
            .host("127.0.0.1")
            .port(0) // any free port
            .bearerToken(token)
            .build()) {
      server.start();
      // The calling side: resolves the agent card, then sends the task as an A2A message.
      try (RemoteAgent remote = RemoteAgent.builder().baseUrl(server.baseUrl()).bearerToken(token).build()) {
        System.out.println("remote agent '" + remote.card().name() + "' offers " + remote.card().skills());
        return remote.submit(Task.builder(question).skill(SummaryWorker.SKILL).build()).result().join();
      }
    }
  }

  /** Runs the example on the models the environment configures, else on the offline demo models. */
  public static void main(String[] args) {
    ModelTiers tiers = ModelTiers.from(SwarmConfig.fromEnv(), 0.1, 0);
    TaskResult result = askOverA2a(tiers.small().model(), tiers.large().model(), "Summarise: revenue grew 12% in Q3.");
    System.out.println(result.status() + ": " + result.output());
  }
}
