package dev.swarm.api;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Settings shared by the modules of a swarm. Builders on each component remain the primary API;
 * this record is a convenience that reads the names users already keep in their {@code .env}
 * files ({@link #fromEnv()}), so one place fills every component's builder.
 *
 * @param anthropicApiKey {@code ANTHROPIC_API_KEY}, or null
 * @param llmModel {@code LLM_MODEL}: the large model's name, or null for the provider default
 * @param openAiApiKey {@code OPENAI_API_KEY}, or null
 * @param openAiApiBase {@code OPENAI_API_BASE}: an OpenAI-compatible base URL, or null
 * @param slmEndpoint {@code SLM_ENDPOINT}: the small model's OpenAI-compatible base URL, or null
 * @param slmModel {@code SLM_MODEL}: the small model's name, or null
 * @param slmFallback {@code ENABLE_SLM_FALLBACK}: fall back to the large tier when the small fails
 * @param hybridInference {@code ENABLE_HYBRID_INFERENCE}: route between tiers (else always large)
 * @param simpleThreshold {@code SIMPLE_THRESHOLD}: scores below it are SIMPLE (default 0.3)
 * @param complexThreshold {@code COMPLEX_THRESHOLD}: scores from it are COMPLEX (default 0.7)
 * @param maxProcessWorkers {@code MAX_PROCESS_WORKERS}: CPU lane size (default: core count)
 * @param maxThreadWorkers {@code MAX_THREAD_WORKERS}: I/O lane concurrency cap (default 10,000)
 * @param maxWorkers {@code MAX_WORKERS}: worker agents an example swarm starts (default 4)
 * @param workerTimeout {@code WORKER_TIMEOUT} in seconds: a task's default deadline (default 300)
 * @param a2aHost {@code A2A_HOST}: the address the A2A server binds (default 127.0.0.1)
 * @param a2aPort {@code A2A_PORT}: its port, 0 for any free one (default 8000)
 */
public record SwarmConfig(
    @Nullable String anthropicApiKey,
    @Nullable String llmModel,
    @Nullable String openAiApiKey,
    @Nullable String openAiApiBase,
    @Nullable String slmEndpoint,
    @Nullable String slmModel,
    boolean slmFallback,
    boolean hybridInference,
    double simpleThreshold,
    double complexThreshold,
    int maxProcessWorkers,
    int maxThreadWorkers,
    int maxWorkers,
    Duration workerTimeout,
    String a2aHost,
    int a2aPort) {

  /** Validates; every message names the setting and echoes the value. */
  public SwarmConfig {
    Checks.inRange(simpleThreshold, 0, 1, "SIMPLE_THRESHOLD");
    Checks.inRange(complexThreshold, 0, 1, "COMPLEX_THRESHOLD");
    if (simpleThreshold > complexThreshold) {
      throw new IllegalArgumentException(
          "SIMPLE_THRESHOLD must be <= COMPLEX_THRESHOLD but was "
              + simpleThreshold + " > " + complexThreshold);
    }
    Checks.positive(maxProcessWorkers, "MAX_PROCESS_WORKERS");
    Checks.positive(maxThreadWorkers, "MAX_THREAD_WORKERS");
    Checks.positive(maxWorkers, "MAX_WORKERS");
    Checks.notNull(workerTimeout, "WORKER_TIMEOUT");
    if (workerTimeout.isNegative() || workerTimeout.isZero()) {
      throw new IllegalArgumentException("WORKER_TIMEOUT must be > 0 seconds but was " + workerTimeout.toSeconds());
    }
    Checks.notBlank(a2aHost, "A2A_HOST");
    if (a2aPort < 0 || a2aPort > 65_535) {
      throw new IllegalArgumentException("A2A_PORT must be in [0, 65535] but was " + a2aPort);
    }
  }

  /** The defaults: no models configured, hybrid routing on, thresholds 0.3 and 0.7. */
  public static SwarmConfig defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Reads the process environment; unset names keep their defaults. */
  public static SwarmConfig fromEnv() {
    return from(System.getenv());
  }

  /**
   * Reads settings from {@code env} (environment-variable names to values); unset or blank names
   * keep their defaults.
   *
   * @throws IllegalArgumentException naming the variable when a value does not parse or is out of
   *     range
   */
  public static SwarmConfig from(Map<String, String> env) {
    Objects.requireNonNull(env, "env must not be null");
    Builder b = builder();
    text(env, "ANTHROPIC_API_KEY").ifPresent(b::anthropicApiKey);
    text(env, "LLM_MODEL").ifPresent(b::llmModel);
    text(env, "OPENAI_API_KEY").ifPresent(b::openAiApiKey);
    text(env, "OPENAI_API_BASE").ifPresent(b::openAiApiBase);
    text(env, "SLM_ENDPOINT").ifPresent(b::slmEndpoint);
    text(env, "SLM_MODEL").ifPresent(b::slmModel);
    text(env, "ENABLE_SLM_FALLBACK").map(v -> bool("ENABLE_SLM_FALLBACK", v)).ifPresent(b::slmFallback);
    text(env, "ENABLE_HYBRID_INFERENCE").map(v -> bool("ENABLE_HYBRID_INFERENCE", v)).ifPresent(b::hybridInference);
    text(env, "SIMPLE_THRESHOLD").map(v -> number("SIMPLE_THRESHOLD", v)).ifPresent(b::simpleThreshold);
    text(env, "COMPLEX_THRESHOLD").map(v -> number("COMPLEX_THRESHOLD", v)).ifPresent(b::complexThreshold);
    text(env, "MAX_PROCESS_WORKERS").map(v -> integer("MAX_PROCESS_WORKERS", v)).ifPresent(b::maxProcessWorkers);
    text(env, "MAX_THREAD_WORKERS").map(v -> integer("MAX_THREAD_WORKERS", v)).ifPresent(b::maxThreadWorkers);
    text(env, "MAX_WORKERS").map(v -> integer("MAX_WORKERS", v)).ifPresent(b::maxWorkers);
    text(env, "WORKER_TIMEOUT")
        .map(v -> Duration.ofMillis(Math.round(number("WORKER_TIMEOUT", v) * 1000)))
        .ifPresent(b::workerTimeout);
    text(env, "A2A_HOST").ifPresent(b::a2aHost);
    text(env, "A2A_PORT").map(v -> integer("A2A_PORT", v)).ifPresent(b::a2aPort);
    return b.build();
  }

  /** Whether any real model is configured; without one the examples use offline demo models. */
  public boolean hasRealModel() {
    return anthropicApiKey != null || openAiApiKey != null || slmEndpoint != null;
  }

  private static Optional<String> text(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  private static boolean bool(String name, String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off" -> false;
      default -> throw new IllegalArgumentException(name + " must be true or false but was '" + value + "'");
    };
  }

  private static double number(String name, String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number but was '" + value + "'", e);
    }
  }

  private static int integer(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number but was '" + value + "'", e);
    }
  }

  /** Builds a {@link SwarmConfig}; every setter is optional. */
  public static final class Builder {
    private @Nullable String anthropicApiKey;
    private @Nullable String llmModel;
    private @Nullable String openAiApiKey;
    private @Nullable String openAiApiBase;
    private @Nullable String slmEndpoint;
    private @Nullable String slmModel;
    private boolean slmFallback = true;
    private boolean hybridInference = true;
    private double simpleThreshold = 0.3;
    private double complexThreshold = 0.7;
    private int maxProcessWorkers = Runtime.getRuntime().availableProcessors();
    private int maxThreadWorkers = 10_000;
    private int maxWorkers = 4;
    private Duration workerTimeout = Duration.ofSeconds(300);
    private String a2aHost = "127.0.0.1";
    private int a2aPort = 8000;

    private Builder() {}

    /** Sets the Anthropic API key. */
    public Builder anthropicApiKey(@Nullable String value) {
      anthropicApiKey = value;
      return this;
    }

    /** Sets the large model's name. */
    public Builder llmModel(@Nullable String value) {
      llmModel = value;
      return this;
    }

    /** Sets the OpenAI API key. */
    public Builder openAiApiKey(@Nullable String value) {
      openAiApiKey = value;
      return this;
    }

    /** Sets an OpenAI-compatible base URL for the large tier. */
    public Builder openAiApiBase(@Nullable String value) {
      openAiApiBase = value;
      return this;
    }

    /** Sets the small model's OpenAI-compatible base URL. */
    public Builder slmEndpoint(@Nullable String value) {
      slmEndpoint = value;
      return this;
    }

    /** Sets the small model's name. */
    public Builder slmModel(@Nullable String value) {
      slmModel = value;
      return this;
    }

    /** Sets whether a failing small tier falls back to the large one (default true). */
    public Builder slmFallback(boolean value) {
      slmFallback = value;
      return this;
    }

    /** Sets whether to route between tiers at all (default true). */
    public Builder hybridInference(boolean value) {
      hybridInference = value;
      return this;
    }

    /** Sets the simple threshold (default 0.3). */
    public Builder simpleThreshold(double value) {
      simpleThreshold = value;
      return this;
    }

    /** Sets the complex threshold (default 0.7). */
    public Builder complexThreshold(double value) {
      complexThreshold = value;
      return this;
    }

    /** Sets the CPU lane size (default: core count). */
    public Builder maxProcessWorkers(int value) {
      maxProcessWorkers = value;
      return this;
    }

    /** Sets the I/O lane concurrency cap (default 10,000). */
    public Builder maxThreadWorkers(int value) {
      maxThreadWorkers = value;
      return this;
    }

    /** Sets how many worker agents an example swarm starts (default 4). */
    public Builder maxWorkers(int value) {
      maxWorkers = value;
      return this;
    }

    /** Sets a task's default deadline (default 300 s). */
    public Builder workerTimeout(Duration value) {
      workerTimeout = value;
      return this;
    }

    /** Sets the A2A bind address (default 127.0.0.1). */
    public Builder a2aHost(String value) {
      a2aHost = value;
      return this;
    }

    /** Sets the A2A port (default 8000; 0 picks a free one). */
    public Builder a2aPort(int value) {
      a2aPort = value;
      return this;
    }

    /** Builds the config, validating every setting. */
    public SwarmConfig build() {
      return new SwarmConfig(
          anthropicApiKey, llmModel, openAiApiKey, openAiApiBase, slmEndpoint, slmModel,
          slmFallback, hybridInference, simpleThreshold, complexThreshold, maxProcessWorkers,
          maxThreadWorkers, maxWorkers, workerTimeout, a2aHost, a2aPort);
    }
  }
}
