package dev.swarm.inference;

import dev.swarm.api.inference.TokenUsage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's Micrometer meters, tagged by tier, model and outcome. Meters are looked up once per
 * tag combination and kept, so recording a call costs a map lookup, not a registry search.
 */
final class EngineMeters {
  static final String REQUESTS = "swarm.inference.requests";
  static final String COST = "swarm.inference.cost";
  static final String TOKENS = "swarm.inference.tokens";

  private final MeterRegistry registry;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  EngineMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  void request(String tier, String model, String outcome, Duration latency) {
    timers.computeIfAbsent(tier + '|' + model + '|' + outcome, k -> Timer.builder(REQUESTS)
            .description("Inference requests by the tier and model that answered and how they ended")
            .tags("tier", tier, "model", model, "outcome", outcome)
            .register(registry))
        .record(latency);
  }

  void spent(String tier, String model, double usd, TokenUsage usage) {
    counter(COST, tier, model, "usd", "US dollars spent on model calls").increment(usd);
    counter(TOKENS, tier, model, "input", "Tokens sent to and produced by models").increment(usage.inputTokens());
    counter(TOKENS, tier, model, "output", "Tokens sent to and produced by models").increment(usage.outputTokens());
  }

  private Counter counter(String name, String tier, String model, String kind, String description) {
    return counters.computeIfAbsent(name + '|' + tier + '|' + model + '|' + kind, k -> Counter.builder(name)
        .description(description)
        .tags("tier", tier, "model", model, "kind", kind)
        .register(registry));
  }
}
