package dev.swarm.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.swarm.api.inference.InferenceRequest;
import dev.swarm.api.inference.InferenceResult;
import dev.swarm.api.inference.ModelTier;
import dev.swarm.api.inference.RoutingHint;
import dev.swarm.inference.FakeOpenAiServer.Step;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine over real HTTP: langchain4j's OpenAI client against a scripted OpenAI-compatible
 * server on loopback, one per tier. Proves retries stay within 1 + max retries, failed requests
 * are never charged, an answer is charged once, and a fallback is counted once.
 */
class OpenAiOverHttpTest {
  static final int MAX_ATTEMPTS = 3;
  static final double SMALL_PRICE = 0.0001;
  static final double LARGE_PRICE = 0.01;
  static final InferenceRequest SMALL_WORK =
      InferenceRequest.builder("Extract the order id as JSON: order #A-7 shipped").hint(RoutingHint.FORCE_SMALL).build();

  FakeOpenAiServer smallServer;
  FakeOpenAiServer largeServer;
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  HybridInferenceEngine engine;

  @BeforeEach
  void start() throws Exception {
    smallServer = new FakeOpenAiServer("tiny-llama");
    largeServer = new FakeOpenAiServer("big-model");
    engine = engine(Duration.ofSeconds(10));
  }

  /** An engine over both servers; the time limit is generous except where a test needs it to fire. */
  HybridInferenceEngine engine(Duration callTimeout) {
    return HybridInferenceEngine.builder()
        .small(ModelProvider.of(ModelTier.SMALL, client(smallServer), PriceSheet.perRequest(SMALL_PRICE)))
        .large(ModelProvider.of(ModelTier.LARGE, client(largeServer), PriceSheet.perRequest(LARGE_PRICE)))
        .resilience(ResilienceSettings.builder().maxAttempts(MAX_ATTEMPTS).callTimeout(callTimeout).build())
        .sleeper(sleeps::add)
        .build();
  }

  @AfterEach
  void stop() {
    smallServer.close();
    largeServer.close();
  }

  static OpenAiChatModel client(FakeOpenAiServer server) {
    return OpenAiChatModel.builder()
        .baseUrl(server.baseUrl())
        .apiKey("test-key")
        .modelName(server.model())
        .maxRetries(0)
        .timeout(Duration.ofSeconds(5))
        .httpClientBuilder(RetryAfterHttpClientBuilder.of())
        .build();
  }

  @Test
  void infer_429WithRetryAfter_waitsAsAskedThenChargesTheAnswerOnce() {
    smallServer.then(new Step.Status(429, Map.of("Retry-After", "2")));

    InferenceResult result = engine.infer(SMALL_WORK);

    assertThat(smallServer.requests()).isEqualTo(2);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
    assertThat(result.tier()).isEqualTo(ModelTier.SMALL);
    assertThat(result.model()).isEqualTo("tiny-llama");
    assertThat(result.content()).isEqualTo("tiny-llama says hi");
    assertThat(result.usage().inputTokens()).isEqualTo(12);
    assertThat(result.usage().outputTokens()).isEqualTo(7);
    assertThat(result.costUsd()).isEqualTo(SMALL_PRICE);
    assertThat(engine.stats().totalCostUsd()).isEqualTo(SMALL_PRICE);
  }

  @Test
  void infer_500Repeatedly_retriesAtMostMaxThenFallsBackOnce() {
    smallServer.then(new Step.Status(500, Map.of()), new Step.Status(500, Map.of()), new Step.Status(500, Map.of()),
        new Step.Status(500, Map.of()));

    InferenceResult result = engine.infer(SMALL_WORK);

    assertThat(smallServer.requests()).isEqualTo(MAX_ATTEMPTS);
    assertThat(largeServer.requests()).isEqualTo(1);
    assertThat(result.fellBack()).isTrue();
    assertThat(result.model()).isEqualTo("big-model");
    assertThat(result.costUsd()).isEqualTo(LARGE_PRICE);
    InferenceStats stats = engine.stats();
    assertThat(stats.fallbacks()).isEqualTo(1);
    assertThat(stats.totalRequests()).isEqualTo(1);
    assertThat(stats.largeRequests()).isEqualTo(1);
    assertThat(stats.totalCostUsd()).isEqualTo(LARGE_PRICE);
  }

  @Test
  void infer_timeoutThenAnswer_retriedWithinTheLimit() {
    smallServer.then(new Step.Hang());

    InferenceResult result = engine(Duration.ofSeconds(1)).infer(SMALL_WORK);

    assertThat(smallServer.requests()).isEqualTo(2);
    assertThat(result.tier()).isEqualTo(ModelTier.SMALL);
    assertThat(result.fellBack()).isFalse();
    assertThat(result.costUsd()).isEqualTo(SMALL_PRICE);
  }

  @Test
  void infer_connectionReset_retriedAndChargedOnce() {
    smallServer.then(new Step.Reset());

    InferenceResult result = engine.infer(SMALL_WORK);

    assertThat(smallServer.requests()).isEqualTo(2);
    assertThat(result.tier()).isEqualTo(ModelTier.SMALL);
    assertThat(engine.stats().totalCostUsd()).isEqualTo(SMALL_PRICE);
  }

  @Test
  void infer_malformedBody_notRetriedFallsBack() {
    smallServer.then(new Step.Malformed());

    InferenceResult result = engine.infer(SMALL_WORK);

    assertThat(smallServer.requests()).isEqualTo(1);
    assertThat(largeServer.requests()).isEqualTo(1);
    assertThat(result.fellBack()).isTrue();
    assertThat(result.decision()).contains("tiny-llama");
    assertThat(result.costUsd()).isEqualTo(LARGE_PRICE);
  }

  @Test
  void infer_emptyChoices_fallsBackWithoutChargingTheSmallTier() {
    smallServer.then(new Step.EmptyChoices());

    InferenceResult result = engine.infer(SMALL_WORK);

    assertThat(smallServer.requests()).isEqualTo(1);
    assertThat(result.fellBack()).isTrue();
    assertThat(result.costUsd()).isEqualTo(LARGE_PRICE);
  }

  @Test
  void infer_401_notRetriedFallsBack() {
    smallServer.then(new Step.Status(401, Map.of()));

    InferenceResult result = engine.infer(SMALL_WORK);

    assertThat(smallServer.requests()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
    assertThat(result.fellBack()).isTrue();
    assertThat(result.decision()).contains("tiny-llama");
  }

  @Test
  void infer_429WithoutRetryAfterEveryTime_boundedAttemptsThenFallback() {
    for (int i = 0; i < MAX_ATTEMPTS; i++) {
      smallServer.then(new Step.Status(429, Map.of()));
    }

    InferenceResult result = engine.infer(SMALL_WORK);

    assertThat(smallServer.requests()).isEqualTo(MAX_ATTEMPTS);
    assertThat(sleeps).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400));
    assertThat(result.fellBack()).isTrue();
    assertThat(engine.stats().fallbacks()).isEqualTo(1);
    assertThat(engine.stats().totalCostUsd()).isEqualTo(LARGE_PRICE);
  }

  @Test
  void infer_mixedFailures_accountingAddsUp() {
    smallServer.then(new Step.Status(429, Map.of("Retry-After", "1")), new Step.Malformed());
    engine.infer(SMALL_WORK);
    engine.infer(SMALL_WORK);
    engine.infer(SMALL_WORK);

    InferenceStats stats = engine.stats();
    assertThat(smallServer.requests()).isEqualTo(4);
    assertThat(largeServer.requests()).isEqualTo(1);
    assertThat(stats.totalRequests()).isEqualTo(3);
    assertThat(stats.smallRequests()).isEqualTo(2);
    assertThat(stats.fallbacks()).isEqualTo(1);
    assertThat(stats.totalCostUsd()).isCloseTo(2 * SMALL_PRICE + LARGE_PRICE, within(1e-12));
  }
}
