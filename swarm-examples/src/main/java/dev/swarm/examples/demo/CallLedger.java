package dev.swarm.examples.demo;

import dev.swarm.api.Checks;
import dev.swarm.api.inference.InferenceEngine;
import dev.swarm.api.inference.InferenceRequest;
import dev.swarm.api.inference.InferenceResult;
import dev.swarm.api.inference.ModelTier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * An engine decorator that keeps every answered call, so a report can show per-tier latency
 * percentiles and costs for one run of one example (the engine's own stats cover its lifetime).
 */
public final class CallLedger implements InferenceEngine {
  private final InferenceEngine engine;
  private final ConcurrentLinkedQueue<InferenceResult> calls = new ConcurrentLinkedQueue<>();

  /** Records the calls answered by {@code engine}. */
  public CallLedger(InferenceEngine engine) {
    this.engine = Checks.notNull(engine, "engine");
  }

  @Override
  public InferenceResult infer(InferenceRequest request) {
    InferenceResult result = engine.infer(request);
    calls.add(result);
    return result;
  }

  /** Every call answered so far, in completion order. */
  public List<InferenceResult> calls() {
    return List.copyOf(calls);
  }

  /**
   * One tier's figures.
   *
   * @param tier the tier
   * @param requests calls answered by it (cache hits excluded)
   * @param share its share of all model calls
   * @param p50 median latency
   * @param p95 95th percentile latency
   * @param costUsd what its calls cost
   */
  public record TierFigures(ModelTier tier, int requests, double share, Duration p50, Duration p95, double costUsd) {}

  /** Per-tier figures over the model calls (cache hits are counted separately). */
  public List<TierFigures> byTier() {
    List<InferenceResult> answered = calls().stream().filter(r -> !r.cached()).toList();
    List<TierFigures> figures = new ArrayList<>();
    for (ModelTier tier : ModelTier.values()) {
      List<InferenceResult> mine = answered.stream().filter(r -> r.tier() == tier).toList();
      List<Duration> latencies = mine.stream().map(InferenceResult::latency).sorted(Comparator.naturalOrder()).toList();
      figures.add(new TierFigures(tier, mine.size(),
          answered.isEmpty() ? 0 : (double) mine.size() / answered.size(),
          percentile(latencies, 0.50), percentile(latencies, 0.95),
          mine.stream().mapToDouble(InferenceResult::costUsd).sum()));
    }
    return figures;
  }

  /** Calls answered from the cache. */
  public long cacheHits() {
    return calls.stream().filter(InferenceResult::cached).count();
  }

  /** Calls the small tier could not answer and the large one did. */
  public long fallbacks() {
    return calls.stream().filter(InferenceResult::fellBack).count();
  }

  /** What all calls cost. */
  public double totalCostUsd() {
    return calls.stream().mapToDouble(InferenceResult::costUsd).sum();
  }

  /** Nearest-rank percentile; zero for no samples. */
  static Duration percentile(List<Duration> sorted, double quantile) {
    if (sorted.isEmpty()) {
      return Duration.ZERO;
    }
    int rank = (int) Math.ceil(quantile * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }
}
