package dev.swarm.inference;

import java.time.Duration;
import java.util.Objects;

/**
 * How the engine guards each model: retries with exponential backoff on retriable errors only
 * (honouring a server's Retry-After up to a cap), a circuit breaker and a bulkhead per model, and
 * a time limit per attempt.
 *
 * <pre>{@code
 * ResilienceSettings settings = ResilienceSettings.builder()
 *     .maxAttempts(3).initialBackoff(Duration.ofMillis(200)).callTimeout(Duration.ofSeconds(30)).build();
 * }</pre>
 *
 * @param maxAttempts attempts per model per request, first included, at least 1 (default 3)
 * @param initialBackoff wait before the first retry (default 200 ms)
 * @param backoffMultiplier growth of the wait per retry, at least 1 (default 2)
 * @param maxBackoff longest wait between attempts, Retry-After included (default 30 s)
 * @param callTimeout time limit of one attempt (default 60 s)
 * @param failureRateThreshold failure percentage, in (0, 100], that opens a model's circuit (default 50)
 * @param slidingWindowSize calls the failure rate is computed over, at least 1 (default 20)
 * @param minimumCalls calls needed before the rate counts, at least 1 (default 10)
 * @param openStateWait how long an open circuit rejects calls before probing (default 30 s)
 * @param maxConcurrentCalls calls in flight per model, at least 1 (default 256)
 */
public record ResilienceSettings(
    int maxAttempts,
    Duration initialBackoff,
    double backoffMultiplier,
    Duration maxBackoff,
    Duration callTimeout,
    float failureRateThreshold,
    int slidingWindowSize,
    int minimumCalls,
    Duration openStateWait,
    int maxConcurrentCalls) {

  /** Validates; messages name the setting and echo the value. */
  public ResilienceSettings {
    atLeastOne(maxAttempts, "maxAttempts");
    notNegative(initialBackoff, "initialBackoff");
    if (!(backoffMultiplier >= 1) || Double.isInfinite(backoffMultiplier)) {
      throw new IllegalArgumentException("backoffMultiplier must be a finite number >= 1 but was " + backoffMultiplier);
    }
    notNegative(maxBackoff, "maxBackoff");
    positive(callTimeout, "callTimeout");
    if (!(failureRateThreshold > 0 && failureRateThreshold <= 100)) {
      throw new IllegalArgumentException("failureRateThreshold must be in (0, 100] but was " + failureRateThreshold);
    }
    atLeastOne(slidingWindowSize, "slidingWindowSize");
    atLeastOne(minimumCalls, "minimumCalls");
    positive(openStateWait, "openStateWait");
    atLeastOne(maxConcurrentCalls, "maxConcurrentCalls");
  }

  /** The defaults. */
  public static ResilienceSettings defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The wait before retry number {@code retry} (1-based), before any Retry-After. */
  Duration backoff(int retry) {
    double millis = initialBackoff.toMillis() * Math.pow(backoffMultiplier, retry - 1);
    return Duration.ofMillis((long) Math.min(millis, maxBackoff.toMillis()));
  }

  private static void atLeastOne(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1 but was " + value);
    }
  }

  private static void notNegative(Duration value, String name) {
    Objects.requireNonNull(value, () -> name + " must not be null");
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative but was " + value);
    }
  }

  private static void positive(Duration value, String name) {
    notNegative(value, name);
    if (value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive but was " + value);
    }
  }

  /** Builds {@link ResilienceSettings}; every setter is optional. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(200);
    private double backoffMultiplier = 2;
    private Duration maxBackoff = Duration.ofSeconds(30);
    private Duration callTimeout = Duration.ofSeconds(60);
    private float failureRateThreshold = 50;
    private int slidingWindowSize = 20;
    private int minimumCalls = 10;
    private Duration openStateWait = Duration.ofSeconds(30);
    private int maxConcurrentCalls = 256;

    private Builder() {}

    /** Sets the attempts per model per request (default 3). */
    public Builder maxAttempts(int value) {
      maxAttempts = value;
      return this;
    }

    /** Sets the wait before the first retry (default 200 ms). */
    public Builder initialBackoff(Duration value) {
      initialBackoff = value;
      return this;
    }

    /** Sets the backoff growth per retry (default 2). */
    public Builder backoffMultiplier(double value) {
      backoffMultiplier = value;
      return this;
    }

    /** Sets the longest wait between attempts, Retry-After included (default 30 s). */
    public Builder maxBackoff(Duration value) {
      maxBackoff = value;
      return this;
    }

    /** Sets the time limit of one attempt (default 60 s). */
    public Builder callTimeout(Duration value) {
      callTimeout = value;
      return this;
    }

    /** Sets the failure percentage that opens a circuit (default 50). */
    public Builder failureRateThreshold(float value) {
      failureRateThreshold = value;
      return this;
    }

    /** Sets the calls the failure rate is computed over (default 20). */
    public Builder slidingWindowSize(int value) {
      slidingWindowSize = value;
      return this;
    }

    /** Sets the calls needed before the failure rate counts (default 10). */
    public Builder minimumCalls(int value) {
      minimumCalls = value;
      return this;
    }

    /** Sets how long an open circuit rejects calls (default 30 s). */
    public Builder openStateWait(Duration value) {
      openStateWait = value;
      return this;
    }

    /** Sets the calls in flight per model (default 256). */
    public Builder maxConcurrentCalls(int value) {
      maxConcurrentCalls = value;
      return this;
    }

    /** Builds the settings, validating every one. */
    public ResilienceSettings build() {
      return new ResilienceSettings(maxAttempts, initialBackoff, backoffMultiplier, maxBackoff, callTimeout,
          failureRateThreshold, slidingWindowSize, minimumCalls, openStateWait, maxConcurrentCalls);
    }
  }
}
