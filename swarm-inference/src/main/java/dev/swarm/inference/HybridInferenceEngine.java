package dev.swarm.inference;

import dev.swarm.api.SwarmConfig;
import dev.swarm.api.SwarmException;
import dev.swarm.api.event.SwarmEvent;
import dev.swarm.api.event.SwarmEventListener;
import dev.swarm.api.inference.Budget;
import dev.swarm.api.inference.CacheHit;
import dev.swarm.api.inference.CacheKey;
import dev.swarm.api.inference.Complexity;
import dev.swarm.api.inference.InferenceEngine;
import dev.swarm.api.inference.InferenceRequest;
import dev.swarm.api.inference.InferenceResult;
import dev.swarm.api.inference.ModelTier;
import dev.swarm.api.inference.ResponseCache;
import dev.swarm.api.inference.RoutingHint;
import dev.swarm.api.inference.TaskClassifier;
import dev.swarm.api.inference.TokenUsage;
import dev.swarm.inference.router.MediumPolicy;
import dev.swarm.inference.router.TaskMaster;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hybrid inference engine: routine work on the small model, hard work on the large one, and
 * nothing lost when a model fails.
 *
 * <p>Per call: response cache lookup, classification, tier choice (force flags, then the budget,
 * which steers to the small tier as it runs down and refuses calls once spent), the model call
 * through retry, circuit breaker, bulkhead and time limiter, fallback to the large tier when the
 * small one fails or its answer is rejected by the {@link Verifier}, then accounting: stats,
 * Micrometer meters and {@link SwarmEvent}s (routed, fell back, escalated, cache hit).
 *
 * <pre>{@code
 * HybridInferenceEngine engine = HybridInferenceEngine.builder()
 *     .small(ModelProvider.of(ModelTier.SMALL, "llama-3.2-3b", slm, PriceSheet.perMillionTokens(0.05, 0.10)))
 *     .large(ModelProvider.of(ModelTier.LARGE, "claude-sonnet", llm, PriceSheet.perMillionTokens(3, 15)))
 *     .classifier(TaskMaster.withDefaultModel())
 *     .verifier((request, answer) -> answer.isBlank() ? Optional.of("empty answer") : Optional.empty())
 *     .build();
 * InferenceResult result = engine.infer(InferenceRequest.of("Extract the sender as JSON: ..."));
 * }</pre>
 *
 * <p>Blocking and thread-safe: call it from virtual threads. Each model attempt runs on the
 * engine's executor (virtual threads by default) so the time limiter can abandon it; events are
 * published on the caller's thread.
 */
public final class HybridInferenceEngine implements InferenceEngine {
  private static final Logger log = LoggerFactory.getLogger(HybridInferenceEngine.class);

  private final ProviderCaller small;
  private final ProviderCaller large;
  private final TaskClassifier classifier;
  private final MediumPolicy mediumPolicy;
  private final @Nullable ResponseCache cache;
  private final @Nullable Verifier verifier;
  private final SwarmEventListener events;
  private final Clock clock;
  private final boolean hybrid;
  private final boolean fallback;
  private final boolean learnFromEscalations;
  private final double budgetSteerShare;
  private final BudgetLedger budgets = new BudgetLedger();
  private final StatsRecorder stats = new StatsRecorder();
  private final EngineMeters meters;

  private HybridInferenceEngine(Builder b) {
    this.clock = b.clock;
    this.small = new ProviderCaller(b.small, b.resilience, b.executor, b.clock, b.sleeper);
    this.large = new ProviderCaller(b.large, b.resilience, b.executor, b.clock, b.sleeper);
    this.classifier = b.classifier != null ? b.classifier : TaskMaster.withDefaultModel();
    this.mediumPolicy = b.mediumPolicy;
    this.cache = b.cache;
    this.verifier = b.verifier;
    this.events = b.events;
    this.hybrid = b.hybrid;
    this.fallback = b.fallback;
    this.learnFromEscalations = b.learnFromEscalations;
    this.budgetSteerShare = b.budgetSteerShare;
    this.meters = new EngineMeters(b.meterRegistry);
  }

  /** A builder; {@link Builder#small} and {@link Builder#large} are required. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public InferenceResult infer(InferenceRequest request) {
    Objects.requireNonNull(request, "request must not be null");
    Instant start = clock.instant();
    ResponseCache responses = cache;
    CacheKey key = null;
    if (responses != null) {
      key = CacheKey.of(request);
      Optional<CacheHit> hit = responses.lookup(key);
      if (hit.isPresent()) {
        return cached(request, hit.get(), start);
      }
    }
    try {
      InferenceResult result = answer(request, start);
      if (responses != null && key != null) {
        responses.store(key, result);
      }
      return result;
    } catch (SwarmException e) {
      stats.failed();
      meters.request("none", "none", "failed", elapsed(start));
      throw e;
    }
  }

  /** The running totals: requests, tier shares, fallbacks, cache hits, latency, cost and savings. */
  public InferenceStats stats() {
    return stats.snapshot();
  }

  /** What the budget {@code key} has spent so far, in US dollars. */
  public double budgetSpent(String key) {
    return budgets.spent(Objects.requireNonNull(key, "key must not be null"));
  }

  /** Forgets what {@code key} has spent, for budgets whose task or agent is gone. */
  public void forgetBudget(String key) {
    budgets.forget(Objects.requireNonNull(key, "key must not be null"));
  }

  private InferenceResult cached(InferenceRequest request, CacheHit hit, Instant start) {
    Duration latency = elapsed(start);
    InferenceResult result = hit.result().asCached(latency, String.format(Locale.ROOT,
        "answered from the response cache (%s match, similarity %.3f)", hit.exact() ? "exact" : "semantic",
        hit.similarity()));
    stats.cacheHit(latency);
    meters.request(result.tier().name(), result.model(), "cache_hit", latency);
    events.onEvent(new SwarmEvent.Cached(hit.similarity(), hit.exact(), request.correlationId(), clock.instant()));
    return result;
  }

  private InferenceResult answer(InferenceRequest request, Instant start) {
    Budget budget = request.budget();
    if (budget != null) {
      budgets.checkOpen(budget);
    }
    Route route = route(request, budget);
    events.onEvent(new SwarmEvent.Routed(route.complexity, route.tier, route.reason, request.correlationId(),
        clock.instant()));
    if (route.tier == ModelTier.LARGE) {
      ProviderCaller.Answer answer = call(large, request, budget);
      return finish(request, start, route, answer, null, false, route.reason);
    }
    ProviderCaller.Answer smallAnswer;
    try {
      smallAnswer = call(small, request, budget);
    } catch (SwarmException failure) {
      if (!fallback || Thread.currentThread().isInterrupted()) {
        throw failure;
      }
      String why = "small tier failed (" + failure.getMessage() + ")";
      log.warn("{}; falling back to the large tier [correlationId={}]. If this persists, check the small model's"
          + " endpoint or route more work to the large tier.", why, request.correlationId());
      events.onEvent(new SwarmEvent.FellBack(ModelTier.SMALL, ModelTier.LARGE, why, request.correlationId(),
          clock.instant()));
      ProviderCaller.Answer answer = callAfterSmall(request, budget, failure);
      stats.fellBack();
      return finish(request, start, route, answer, null, true, route.reason + "; " + why + "; the large tier answered");
    }
    Optional<String> rejection = verifier == null ? Optional.empty() : verifier.check(request, smallAnswer.content());
    if (rejection.isEmpty()) {
      return finish(request, start, route, smallAnswer, null, false, route.reason);
    }
    String why = "small answer rejected by the verifier: " + rejection.get();
    events.onEvent(new SwarmEvent.Escalated(why, request.correlationId(), clock.instant()));
    if (learnFromEscalations && classifier instanceof TaskMaster taskMaster) {
      taskMaster.recordOutcome(request.prompt(), ModelTier.LARGE);
    }
    ProviderCaller.Answer answer = call(large, request, budget);
    stats.escalated();
    return finish(request, start, route, answer, smallAnswer, true, route.reason + "; " + why + "; escalated to the large tier");
  }

  private ProviderCaller.Answer callAfterSmall(InferenceRequest request, @Nullable Budget budget, SwarmException smallFailure) {
    try {
      return call(large, request, budget);
    } catch (SwarmException largeFailure) {
      largeFailure.addSuppressed(smallFailure);
      throw largeFailure;
    }
  }

  private ProviderCaller.Answer call(ProviderCaller caller, InferenceRequest request, @Nullable Budget budget) {
    ProviderCaller.Answer answer = caller.call(request);
    if (budget != null) {
      budgets.charge(budget, answer.costUsd());
    }
    ModelProvider provider = caller.provider();
    meters.spent(provider.tier().name(), provider.name(), answer.costUsd(), answer.usage());
    return answer;
  }

  private InferenceResult finish(
      InferenceRequest request, Instant start, Route route, ProviderCaller.Answer answer,
      ProviderCaller.@Nullable Answer rejected, boolean fellBack, String decision) {
    ModelTier tier = fellBack ? ModelTier.LARGE : route.tier;
    ModelProvider provider = (tier == ModelTier.SMALL ? small : large).provider();
    TokenUsage usage = rejected == null ? answer.usage() : answer.usage().plus(rejected.usage());
    double cost = answer.costUsd() + (rejected == null ? 0 : rejected.costUsd());
    Duration latency = elapsed(start);
    stats.answered(tier == ModelTier.SMALL, latency, cost, large.provider().prices().costOf(answer.usage()));
    String outcome = rejected != null ? "escalated" : fellBack ? "fell_back" : "answered";
    meters.request(tier.name(), provider.name(), outcome, latency);
    log.debug("answered by {} ({}) in {}: {} [correlationId={}]", provider.name(), tier, latency, decision,
        request.correlationId());
    return new InferenceResult(answer.content(), tier, provider.name(), usage, cost, latency, false, fellBack,
        route.complexity, decision);
  }

  private Route route(InferenceRequest request, @Nullable Budget budget) {
    if (request.hint() == RoutingHint.FORCE_LARGE) {
      return new Route(ModelTier.LARGE, null, "forced to the large tier by the caller");
    }
    if (request.hint() == RoutingHint.FORCE_SMALL) {
      return new Route(ModelTier.SMALL, null, "forced to the small tier by the caller");
    }
    if (!hybrid) {
      return new Route(ModelTier.LARGE, null, "hybrid routing is off (ENABLE_HYBRID_INFERENCE=false)");
    }
    Complexity complexity = classifier.classify(request.prompt());
    ModelTier tier = classifier instanceof TaskMaster taskMaster
        ? taskMaster.tierFor(complexity) : mediumPolicy.tierFor(complexity);
    // Plain concatenation: String.format would cost more than the rest of the routing decision.
    String reason = "scored " + rounded(complexity.score(), 1000) + " (" + complexity.level() + ", confidence "
        + rounded(complexity.confidence(), 100) + "): " + (tier == ModelTier.SMALL ? "small" : "large") + " tier";
    if (tier == ModelTier.LARGE && budget != null) {
      double remaining = budgets.remaining(budget);
      double estimate = large.provider().prices().costOf(estimate(request));
      if (remaining < budgetSteerShare * budget.limitUsd() || estimate > remaining) {
        reason += String.format(Locale.ROOT,
            "; budget '%s' has $%.6f of $%.6f left, so steered to the small tier", budget.key(), remaining,
            budget.limitUsd());
        tier = ModelTier.SMALL;
      }
    }
    return new Route(tier, complexity, reason);
  }

  private static double rounded(double value, int scale) {
    return (double) Math.round(value * scale) / scale;
  }

  /** A rough usage forecast for budget steering: four characters a token in, the token cap out. */
  private static TokenUsage estimate(InferenceRequest request) {
    int chars = request.prompt().length() + (request.systemPrompt() == null ? 0 : request.systemPrompt().length());
    return new TokenUsage(chars / 4 + 1, request.maxTokens());
  }

  private Duration elapsed(Instant start) {
    Duration latency = Duration.between(start, clock.instant());
    return latency.isNegative() ? Duration.ZERO : latency;
  }

  private record Route(ModelTier tier, @Nullable Complexity complexity, String reason) {}

  /** Builds a {@link HybridInferenceEngine}; small and large providers are required. */
  public static final class Builder {
    private @Nullable ModelProvider small;
    private @Nullable ModelProvider large;
    private @Nullable TaskClassifier classifier;
    private MediumPolicy mediumPolicy = MediumPolicy.LARGE;
    private @Nullable ResponseCache cache;
    private @Nullable Verifier verifier;
    private SwarmEventListener events = SwarmEventListener.NONE;
    private Clock clock = Clock.systemUTC();
    private MeterRegistry meterRegistry = new CompositeMeterRegistry();
    private ResilienceSettings resilience = ResilienceSettings.defaults();
    private Executor executor = runnable -> Thread.ofVirtual().name("swarm-inference-call").start(runnable);
    private Sleeper sleeper = Sleeper.THREAD;
    private boolean hybrid = true;
    private boolean fallback = true;
    private boolean learnFromEscalations = true;
    private double budgetSteerShare = 0.25;

    private Builder() {}

    /** Sets the small-tier model (required; its tier must be SMALL). */
    public Builder small(ModelProvider provider) {
      small = Objects.requireNonNull(provider, "small must not be null");
      return this;
    }

    /** Sets the large-tier model (required; its tier must be LARGE). */
    public Builder large(ModelProvider provider) {
      large = Objects.requireNonNull(provider, "large must not be null");
      return this;
    }

    /**
     * Sets the classifier (default {@link TaskMaster#withDefaultModel()}). A {@link TaskMaster}
     * also decides where MEDIUM prompts go and learns from escalations.
     */
    public Builder classifier(TaskClassifier value) {
      classifier = Objects.requireNonNull(value, "classifier must not be null");
      return this;
    }

    /** Sets where MEDIUM prompts go for classifiers other than TaskMaster (default LARGE). */
    public Builder mediumPolicy(MediumPolicy value) {
      mediumPolicy = Objects.requireNonNull(value, "mediumPolicy must not be null");
      return this;
    }

    /** Sets the response cache (default: none). */
    public Builder cache(ResponseCache value) {
      cache = Objects.requireNonNull(value, "cache must not be null");
      return this;
    }

    /** Turns on cascade mode: small answers this verifier rejects are escalated to the large tier. */
    public Builder verifier(Verifier value) {
      verifier = Objects.requireNonNull(value, "verifier must not be null");
      return this;
    }

    /** Sets the event sink; it must return at once (default: none). */
    public Builder events(SwarmEventListener value) {
      events = Objects.requireNonNull(value, "events must not be null");
      return this;
    }

    /** Sets the clock for latency, event times and circuit breakers (default: system UTC). */
    public Builder clock(Clock value) {
      clock = Objects.requireNonNull(value, "clock must not be null");
      return this;
    }

    /** Sets the Micrometer registry (default: none recorded). */
    public Builder meterRegistry(MeterRegistry value) {
      meterRegistry = Objects.requireNonNull(value, "meterRegistry must not be null");
      return this;
    }

    /** Sets retry, circuit breaker, bulkhead and time limit settings (default {@link ResilienceSettings#defaults()}). */
    public Builder resilience(ResilienceSettings value) {
      resilience = Objects.requireNonNull(value, "resilience must not be null");
      return this;
    }

    /** Sets the executor model attempts run on (default: a new virtual thread per attempt). */
    public Builder executor(Executor value) {
      executor = Objects.requireNonNull(value, "executor must not be null");
      return this;
    }

    Builder sleeper(Sleeper value) {
      sleeper = Objects.requireNonNull(value, "sleeper must not be null");
      return this;
    }

    /** Takes ENABLE_HYBRID_INFERENCE and ENABLE_SLM_FALLBACK from {@code config}. */
    public Builder config(SwarmConfig config) {
      Objects.requireNonNull(config, "config must not be null");
      hybrid = config.hybridInference();
      fallback = config.slmFallback();
      return this;
    }

    /** Sets whether to route between tiers; off sends everything not forced small to the large tier (default on). */
    public Builder hybrid(boolean value) {
      hybrid = value;
      return this;
    }

    /** Sets whether a failing small tier falls back to the large one (default on). */
    public Builder fallback(boolean value) {
      fallback = value;
      return this;
    }

    /** Sets whether escalations train a TaskMaster classifier online (default on). */
    public Builder learnFromEscalations(boolean value) {
      learnFromEscalations = value;
      return this;
    }

    /**
     * Sets the share of a budget below which work the classifier sends large is steered to the
     * small tier instead (default 0.25).
     */
    public Builder budgetSteerShare(double value) {
      budgetSteerShare = value;
      return this;
    }

    /**
     * Builds the engine.
     *
     * @throws IllegalStateException when a provider is missing
     * @throws IllegalArgumentException when a provider's tier does not match its slot or the steer share is outside [0, 1]
     */
    public HybridInferenceEngine build() {
      if (small == null || large == null) {
        throw new IllegalStateException("both small(...) and large(...) providers must be set before build()");
      }
      if (small.tier() != ModelTier.SMALL) {
        throw new IllegalArgumentException("small provider must have tier SMALL but was " + small.tier());
      }
      if (large.tier() != ModelTier.LARGE) {
        throw new IllegalArgumentException("large provider must have tier LARGE but was " + large.tier());
      }
      if (!(budgetSteerShare >= 0 && budgetSteerShare <= 1)) {
        throw new IllegalArgumentException("budgetSteerShare must be in [0, 1] but was " + budgetSteerShare);
      }
      return new HybridInferenceEngine(this);
    }
  }
}
