package dev.swarm.inference;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Running totals for {@link InferenceStats}. Counters are lock-free; latencies for the 95th
 * percentile live in a ring of the most recent {@value #WINDOW} answers, so memory stays flat.
 */
final class StatsRecorder {
  static final int WINDOW = 8192;

  private final LongAdder total = new LongAdder();
  private final LongAdder small = new LongAdder();
  private final LongAdder large = new LongAdder();
  private final LongAdder fallbacks = new LongAdder();
  private final LongAdder escalations = new LongAdder();
  private final LongAdder cacheHits = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private final LongAdder latencyNanos = new LongAdder();
  private final DoubleAdder cost = new DoubleAdder();
  private final DoubleAdder largeOnlyCost = new DoubleAdder();
  private final long[] recent = new long[WINDOW];
  private long recorded;

  void answered(boolean smallTier, Duration latency, double costUsd, double largeOnlyCostUsd) {
    (smallTier ? small : large).increment();
    cost.add(costUsd);
    largeOnlyCost.add(largeOnlyCostUsd);
    latency(latency);
  }

  void cacheHit(Duration latency) {
    cacheHits.increment();
    latency(latency);
  }

  void fellBack() {
    fallbacks.increment();
  }

  void escalated() {
    escalations.increment();
  }

  void failed() {
    failures.increment();
  }

  private void latency(Duration latency) {
    total.increment();
    long nanos = latency.toNanos();
    latencyNanos.add(nanos);
    synchronized (recent) {
      recent[(int) (recorded++ % WINDOW)] = nanos;
    }
  }

  InferenceStats snapshot() {
    long[] window;
    synchronized (recent) {
      window = Arrays.copyOf(recent, (int) Math.min(recorded, WINDOW));
    }
    Arrays.sort(window);
    long p95 = window.length == 0 ? 0 : window[(int) Math.ceil(window.length * 0.95) - 1];
    long answered = total.sum();
    long smallCount = small.sum();
    long largeCount = large.sum();
    long modelAnswered = smallCount + largeCount;
    double spent = cost.sum();
    double baseline = largeOnlyCost.sum();
    return new InferenceStats(
        answered, smallCount, largeCount,
        modelAnswered == 0 ? 0 : (double) smallCount / modelAnswered,
        modelAnswered == 0 ? 0 : (double) largeCount / modelAnswered,
        fallbacks.sum(), escalations.sum(), cacheHits.sum(), failures.sum(),
        Duration.ofNanos(answered == 0 ? 0 : latencyNanos.sum() / answered), Duration.ofNanos(p95),
        spent, answered == 0 ? 0 : spent / answered, baseline, baseline - spent);
  }
}
