package dev.swarm.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.swarm.api.inference.InferenceRequest;
import dev.swarm.api.inference.InferenceResult;
import dev.swarm.api.inference.ModelTier;
import dev.swarm.api.inference.RoutingHint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EngineConcurrencyTest {
  @Test
  void infer_thousandConcurrentCallers_accountingExact() throws Exception {
    ScriptedChatModel small = new ScriptedChatModel("small");
    ScriptedChatModel large = new ScriptedChatModel("large");
    HybridInferenceEngine engine = HybridInferenceEngine.builder()
        .small(ModelProvider.of(ModelTier.SMALL, "slm", small, PriceSheet.perRequest(0.0001)))
        .large(ModelProvider.of(ModelTier.LARGE, "llm", large, PriceSheet.perRequest(0.01)))
        .build();
    int calls = 1000;
    try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<InferenceResult>> results = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        RoutingHint hint = i % 4 == 0 ? RoutingHint.FORCE_LARGE : RoutingHint.FORCE_SMALL;
        InferenceRequest request = InferenceRequest.builder("call " + i).hint(hint).build();
        results.add(callers.submit(() -> engine.infer(request)));
      }
      for (Future<InferenceResult> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS).content()).isNotBlank();
      }
    }
    InferenceStats stats = engine.stats();
    assertThat(stats.totalRequests()).isEqualTo(calls);
    assertThat(stats.largeRequests()).isEqualTo(calls / 4);
    assertThat(stats.smallRequests()).isEqualTo(calls - calls / 4);
    assertThat(small.calls() + large.calls()).isEqualTo(calls);
    assertThat(stats.totalCostUsd()).isCloseTo(750 * 0.0001 + 250 * 0.01, within(1e-9));
  }

  @Test
  void infer_bulkheadFull_secondCallFallsBackInsteadOfQueueing() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ChatModel blocking = new ChatModel() {
      @Override
      public ChatResponse doChat(ChatRequest request) {
        inside.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return ScriptedChatModel.response("slow small answer", 10, 5);
      }
    };
    HybridInferenceEngine engine = HybridInferenceEngine.builder()
        .small(ModelProvider.of(ModelTier.SMALL, "slm", blocking, PriceSheet.perRequest(0.0001)))
        .large(ModelProvider.of(ModelTier.LARGE, "llm", new ScriptedChatModel("large"), PriceSheet.perRequest(0.01)))
        .resilience(ResilienceSettings.builder().maxConcurrentCalls(1).maxAttempts(1).build())
        .build();
    InferenceRequest request = InferenceRequest.builder("Extract the id").hint(RoutingHint.FORCE_SMALL).build();
    try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<InferenceResult> first = callers.submit(() -> engine.infer(request));
      inside.await();

      InferenceResult second = engine.infer(request);

      assertThat(second.fellBack()).isTrue();
      assertThat(second.decision()).contains("bulkhead full");
      release.countDown();
      assertThat(first.get(30, TimeUnit.SECONDS).tier()).isEqualTo(ModelTier.SMALL);
    }
  }
}
