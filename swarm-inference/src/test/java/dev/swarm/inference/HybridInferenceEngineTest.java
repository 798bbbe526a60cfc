package dev.swarm.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.swarm.api.BudgetExceededException;
import dev.swarm.api.RateLimitedException;
import dev.swarm.api.SwarmConfig;
import dev.swarm.api.SwarmException;
import dev.swarm.api.event.SwarmEvent;
import dev.swarm.api.inference.Budget;
import dev.swarm.api.inference.CacheHit;
import dev.swarm.api.inference.CacheKey;
import dev.swarm.api.inference.InferenceRequest;
import dev.swarm.api.inference.InferenceResult;
import dev.swarm.api.inference.ModelTier;
import dev.swarm.api.inference.ResponseCache;
import dev.swarm.api.inference.RoutingHint;
import dev.swarm.api.testing.MutableClock;
import dev.swarm.inference.router.TaskMaster;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HybridInferenceEngineTest {
  static final String SIMPLE = "What is the capital of France?";
  static final String COMPLEX =
      "Design a multi-region disaster recovery strategy for a payments platform: compare active-active and "
          + "active-passive, quantify RPO and RTO trade-offs, estimate costs, identify failure modes step by step, "
          + "and justify a phased migration plan.";
  static final double SMALL_PRICE = 0.0001;
  static final double LARGE_PRICE = 0.01;

  final ScriptedChatModel smallModel = new ScriptedChatModel("small");
  final ScriptedChatModel largeModel = new ScriptedChatModel("large");
  final MutableClock clock = new MutableClock();
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  final List<SwarmEvent> events = new CopyOnWriteArrayList<>();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void releaseBlockedModels() {
    release.countDown();
  }

  HybridInferenceEngine.Builder engine() {
    return engine(smallModel);
  }

  HybridInferenceEngine.Builder engine(ChatModel small) {
    return HybridInferenceEngine.builder()
        .small(ModelProvider.of(ModelTier.SMALL, "slm", small, PriceSheet.perRequest(SMALL_PRICE)))
        .large(ModelProvider.of(ModelTier.LARGE, "llm", largeModel, PriceSheet.perRequest(LARGE_PRICE)))
        .clock(clock)
        .sleeper(sleeps::add)
        .events(events::add)
        .meterRegistry(registry);
  }

  @Test
  void infer_routinePrompt_answeredSmallWithDecisionAndCost() {
    InferenceResult result = engine().build().infer(InferenceRequest.of(SIMPLE));

    assertThat(result.tier()).isEqualTo(ModelTier.SMALL);
    assertThat(result.model()).isEqualTo("slm");
    assertThat(result.costUsd()).isEqualTo(SMALL_PRICE);
    assertThat(result.usage().totalTokens()).isEqualTo(15);
    assertThat(result.complexity()).isNotNull();
    assertThat(result.decision()).contains("SIMPLE").contains("small tier");
    assertThat(events).singleElement().isInstanceOfSatisfying(SwarmEvent.Routed.class,
        routed -> assertThat(routed.tier()).isEqualTo(ModelTier.SMALL));
    assertThat(largeModel.calls()).isZero();
  }

  @Test
  void infer_hardPrompt_answeredLarge() {
    InferenceResult result = engine().build().infer(InferenceRequest.of(COMPLEX));
    assertThat(result.tier()).isEqualTo(ModelTier.LARGE);
    assertThat(result.decision()).contains("COMPLEX");
    assertThat(smallModel.calls()).isZero();
  }

  @Test
  void infer_forceFlags_overrideTheScore() {
    HybridInferenceEngine engine = engine().build();
    assertThat(engine.infer(InferenceRequest.builder(COMPLEX).hint(RoutingHint.FORCE_SMALL).build()).tier())
        .isEqualTo(ModelTier.SMALL);
    InferenceResult forcedLarge = engine.infer(InferenceRequest.builder(SIMPLE).hint(RoutingHint.FORCE_LARGE).build());
    assertThat(forcedLarge.tier()).isEqualTo(ModelTier.LARGE);
    assertThat(forcedLarge.complexity()).isNull();
    assertThat(forcedLarge.decision()).contains("forced");
  }

  @Test
  void infer_hybridOffInConfig_sendsEverythingLarge() {
    HybridInferenceEngine engine = engine()
        .config(SwarmConfig.from(Map.of("ENABLE_HYBRID_INFERENCE", "false"))).build();
    assertThat(engine.infer(InferenceRequest.of(SIMPLE)).tier()).isEqualTo(ModelTier.LARGE);
  }

  @Test
  void infer_smallRetriableFailures_retriedWithBackoffThenFallsBackOnce() {
    smallModel.thenFail(new InternalServerException("boom 1")).thenFail(new InternalServerException("boom 2"))
        .thenFail(new InternalServerException("boom 3"));
    HybridInferenceEngine engine = engine().build();

    InferenceResult result = engine.infer(InferenceRequest.of(SIMPLE));

    assertThat(smallModel.calls()).isEqualTo(3);
    assertThat(sleeps).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400));
    assertThat(largeModel.calls()).isEqualTo(1);
    assertThat(result.tier()).isEqualTo(ModelTier.LARGE);
    assertThat(result.fellBack()).isTrue();
    assertThat(result.costUsd()).isEqualTo(LARGE_PRICE);
    assertThat(result.decision()).contains("small tier failed").contains("boom 3");
    assertThat(events).filteredOn(SwarmEvent.FellBack.class::isInstance).hasSize(1);
    InferenceStats stats = engine.stats();
    assertThat(stats.fallbacks()).isEqualTo(1);
    assertThat(stats.largeRequests()).isEqualTo(1);
    assertThat(stats.totalCostUsd()).isEqualTo(LARGE_PRICE);
  }

  @Test
  void infer_rateLimitedWithRetryAfter_waitsAsTheServerAsked() {
    smallModel.thenFail(new RateLimitedException("slow down", Duration.ofSeconds(3), null));
    InferenceResult result = engine().build().infer(InferenceRequest.of(SIMPLE));

    assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
    assertThat(smallModel.calls()).isEqualTo(2);
    assertThat(result.tier()).isEqualTo(ModelTier.SMALL);
    assertThat(result.fellBack()).isFalse();
  }

  @Test
  void infer_retryAfterBeyondCap_waitsOnlyTheCap() {
    smallModel.thenFail(new RateLimitedException("slow down", Duration.ofHours(1), null));
    engine().resilience(ResilienceSettings.builder().maxBackoff(Duration.ofSeconds(5)).build()).build()
        .infer(InferenceRequest.of(SIMPLE));
    assertThat(sleeps).containsExactly(Duration.ofSeconds(5));
  }

  @Test
  void infer_permanentFailure_notRetriedAndFallsBack() {
    smallModel.thenFail(new InvalidRequestException("bad request"));
    InferenceResult result = engine().build().infer(InferenceRequest.of(SIMPLE));
    assertThat(smallModel.calls()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
    assertThat(result.fellBack()).isTrue();
  }

  @Test
  void infer_fallbackDisabled_surfacesTheSmallFailure() {
    smallModel.thenFail(new InvalidRequestException("bad request"));
    HybridInferenceEngine engine = engine().fallback(false).build();
    assertThatThrownBy(() -> engine.infer(InferenceRequest.of(SIMPLE)))
        .isInstanceOf(SwarmException.Permanent.class)
        .hasMessageContaining("slm")
        .hasMessageContaining("bad request");
    assertThat(largeModel.calls()).isZero();
    assertThat(engine.stats().failures()).isEqualTo(1);
  }

  @Test
  void infer_bothTiersFail_throwsLargeFailureWithSmallSuppressed() {
    smallModel.thenFail(new InvalidRequestException("small refused"));
    largeModel.thenFail(new InvalidRequestException("large refused"));
    assertThatThrownBy(() -> engine().build().infer(InferenceRequest.of(SIMPLE)))
        .isInstanceOf(SwarmException.Permanent.class)
        .hasMessageContaining("large refused")
        .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
            .satisfies(s -> assertThat(s).hasMessageContaining("small refused")));
  }

  @Test
  void infer_circuitOpen_skipsSmallUntilTheWaitPasses() {
    for (int i = 0; i < 3; i++) {
      smallModel.thenFail(new InternalServerException("down " + i));
    }
    HybridInferenceEngine engine = engine().resilience(ResilienceSettings.builder()
        .maxAttempts(1).minimumCalls(2).slidingWindowSize(2).openStateWait(Duration.ofSeconds(30)).build()).build();

    engine.infer(InferenceRequest.of(SIMPLE));
    engine.infer(InferenceRequest.of(SIMPLE));
    InferenceResult whileOpen = engine.infer(InferenceRequest.of(SIMPLE));

    assertThat(smallModel.calls()).isEqualTo(2);
    assertThat(whileOpen.fellBack()).isTrue();
    assertThat(whileOpen.decision()).contains("circuit breaker is OPEN");

    clock.advance(Duration.ofSeconds(31));
    engine.infer(InferenceRequest.of(SIMPLE));
    assertThat(smallModel.calls()).isEqualTo(3);
    assertThat(engine.stats().fallbacks()).isEqualTo(4);
  }

  @Test
  void infer_smallTimesOut_fallsBack() {
    ChatModel stuck = new ChatModel() {
      @Override
      public ChatResponse doChat(ChatRequest request) {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return ScriptedChatModel.response("too late", 1, 1);
      }
    };
    InferenceResult result = engine(stuck)
        .resilience(ResilienceSettings.builder().maxAttempts(1).callTimeout(Duration.ofMillis(50)).build())
        .build().infer(InferenceRequest.of(SIMPLE));

    assertThat(result.fellBack()).isTrue();
    assertThat(result.decision()).contains("did not answer within PT0.05S");
  }

  @Test
  void infer_verifierRejects_escalatesChargesBothAndTeachesTaskMaster() {
    TaskMaster router = TaskMaster.withDefaultModel();
    double before = router.classify(SIMPLE).score();
    HybridInferenceEngine engine = engine().classifier(router)
        .verifier((request, answer) -> answer.startsWith("small") ? Optional.of("not JSON") : Optional.empty())
        .build();

    InferenceResult result = engine.infer(InferenceRequest.of(SIMPLE));

    assertThat(result.tier()).isEqualTo(ModelTier.LARGE);
    assertThat(result.fellBack()).isTrue();
    assertThat(result.costUsd()).isEqualTo(SMALL_PRICE + LARGE_PRICE);
    assertThat(result.usage().totalTokens()).isEqualTo(30);
    assertThat(result.decision()).contains("rejected by the verifier: not JSON");
    assertThat(events).filteredOn(SwarmEvent.Escalated.class::isInstance).hasSize(1);
    assertThat(engine.stats().escalations()).isEqualTo(1);
    assertThat(engine.stats().fallbacks()).isZero();
    assertThat(router.classify(SIMPLE).score()).isGreaterThan(before);
  }

  @Test
  void infer_budgetRunningDown_steersHardWorkSmallThenRefuses() {
    HybridInferenceEngine engine = engine().build();
    Budget budget = Budget.of("task-7", 0.012);
    InferenceRequest request = InferenceRequest.builder(COMPLEX).budget(budget).build();

    assertThat(engine.infer(request).tier()).isEqualTo(ModelTier.LARGE);
    InferenceResult steered = engine.infer(request);
    assertThat(steered.tier()).isEqualTo(ModelTier.SMALL);
    assertThat(steered.decision()).contains("budget 'task-7'").contains("steered to the small tier");
    assertThat(engine.budgetSpent("task-7")).isCloseTo(LARGE_PRICE + SMALL_PRICE, within(1e-12));

    Budget tiny = Budget.of("task-8", SMALL_PRICE / 2);
    engine.infer(InferenceRequest.builder(SIMPLE).budget(tiny).build());
    int calls = smallModel.calls();
    assertThatThrownBy(() -> engine.infer(InferenceRequest.builder(SIMPLE).budget(tiny).build()))
        .isInstanceOf(BudgetExceededException.class)
        .hasMessageContaining("task-8");
    assertThat(smallModel.calls()).isEqualTo(calls);
  }

  @Test
  void infer_cacheHit_answersWithoutModelCallAndCountsIt() {
    HybridInferenceEngine engine = engine().cache(new MapCache()).build();
    InferenceResult first = engine.infer(InferenceRequest.of(SIMPLE));
    InferenceResult second = engine.infer(InferenceRequest.of(SIMPLE));

    assertThat(second.cached()).isTrue();
    assertThat(second.content()).isEqualTo(first.content());
    assertThat(second.costUsd()).isZero();
    assertThat(smallModel.calls()).isEqualTo(1);
    assertThat(events).filteredOn(SwarmEvent.Cached.class::isInstance).hasSize(1);
    assertThat(engine.stats().cacheHits()).isEqualTo(1);
    assertThat(engine.stats().totalRequests()).isEqualTo(2);
  }

  @Test
  void stats_mixedTraffic_reportSharesLatencyCostAndSavings() {
    ChatModel timedSmall = new ChatModel() {
      @Override
      public ChatResponse doChat(ChatRequest request) {
        clock.advance(Duration.ofMillis(100));
        return ScriptedChatModel.response("ok", 10, 5);
      }
    };
    HybridInferenceEngine engine = engine(timedSmall).build();
    for (int i = 0; i < 3; i++) {
      engine.infer(InferenceRequest.of(SIMPLE + " #" + i));
    }
    engine.infer(InferenceRequest.of(COMPLEX));

    InferenceStats stats = engine.stats();
    assertThat(stats.totalRequests()).isEqualTo(4);
    assertThat(stats.smallRequests()).isEqualTo(3);
    assertThat(stats.smallShare()).isEqualTo(0.75);
    assertThat(stats.largeShare()).isEqualTo(0.25);
    assertThat(stats.totalCostUsd()).isCloseTo(3 * SMALL_PRICE + LARGE_PRICE, within(1e-12));
    assertThat(stats.costPerRequestUsd()).isCloseTo((3 * SMALL_PRICE + LARGE_PRICE) / 4, within(1e-12));
    assertThat(stats.largeOnlyCostUsd()).isCloseTo(4 * LARGE_PRICE, within(1e-12));
    assertThat(stats.savingsUsd()).isCloseTo(3 * (LARGE_PRICE - SMALL_PRICE), within(1e-12));
    assertThat(stats.averageLatency()).isEqualTo(Duration.ofMillis(75));
    assertThat(stats.p95Latency()).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void meters_taggedByTierModelAndOutcome() {
    HybridInferenceEngine engine = engine().build();
    engine.infer(InferenceRequest.of(SIMPLE));
    smallModel.thenFail(new InvalidRequestException("no"));
    engine.infer(InferenceRequest.of(SIMPLE + " again"));

    assertThat(registry.get(EngineMeters.REQUESTS).tags("tier", "SMALL", "model", "slm", "outcome", "answered")
        .timer().count()).isEqualTo(1);
    assertThat(registry.get(EngineMeters.REQUESTS).tags("tier", "LARGE", "model", "llm", "outcome", "fell_back")
        .timer().count()).isEqualTo(1);
    assertThat(registry.get(EngineMeters.COST).tags("tier", "SMALL").counter().count()).isEqualTo(SMALL_PRICE);
    assertThat(registry.get(EngineMeters.TOKENS).tags("tier", "SMALL", "kind", "output").counter().count())
        .isEqualTo(5);
  }

  @Test
  void builder_missingProviderOrWrongTier_rejected() {
    assertThatThrownBy(() -> HybridInferenceEngine.builder().build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("small(...)");
    assertThatThrownBy(() -> HybridInferenceEngine.builder()
            .small(ModelProvider.of(ModelTier.LARGE, "x", smallModel, PriceSheet.FREE))
            .large(ModelProvider.of(ModelTier.LARGE, "y", largeModel, PriceSheet.FREE)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tier SMALL but was LARGE");
    assertThatThrownBy(() -> engine().budgetSteerShare(1.5).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("budgetSteerShare").hasMessageContaining("1.5");
  }

  @Test
  void settingsAndPrices_badValues_namedAndEchoed() {
    assertThatThrownBy(() -> ResilienceSettings.builder().maxAttempts(0).build())
        .hasMessage("maxAttempts must be >= 1 but was 0");
    assertThatThrownBy(() -> ResilienceSettings.builder().callTimeout(Duration.ZERO).build())
        .hasMessage("callTimeout must be positive but was PT0S");
    assertThatThrownBy(() -> PriceSheet.perMillionTokens(-1, 2))
        .hasMessage("inputPerMillionUsd must be a finite amount >= 0 but was -1.0");
    assertThat(PriceSheet.perMillionTokens(3, 15).costOf(new dev.swarm.api.inference.TokenUsage(1_000_000, 100_000)))
        .isCloseTo(4.5, within(1e-12));
  }

  /** An exact-match response cache, enough to drive the engine's cache path. */
  static final class MapCache implements ResponseCache {
    private final Map<CacheKey, InferenceResult> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<CacheHit> lookup(CacheKey key) {
      return Optional.ofNullable(entries.get(key)).map(r -> new CacheHit(r, 1, true));
    }

    @Override
    public void store(CacheKey key, InferenceResult result) {
      entries.put(key, result);
    }

    @Override
    public void invalidate(String namespace) {
      entries.keySet().removeIf(k -> k.namespace().equals(namespace));
    }
  }
}
