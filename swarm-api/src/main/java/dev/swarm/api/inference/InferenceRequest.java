package dev.swarm.api.inference;

import dev.swarm.api.Checks;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One model call as a worker asks for it; the engine decides which model answers.
 *
 * <pre>{@code
 * InferenceRequest request = InferenceRequest.builder("Extract the sender as JSON")
 *     .systemPrompt("You are a precise extraction agent.")
 *     .maxTokens(256)
 *     .hint(RoutingHint.FORCE_SMALL)
 *     .budget(Budget.of("task-42", 0.05))
 *     .build();
 * }</pre>
 *
 * @param prompt the user prompt; not blank
 * @param systemPrompt standing instructions (an agent's master prompt), or null
 * @param maxTokens the most output tokens wanted, greater than zero
 * @param temperature sampling temperature in [0, 2]
 * @param hint routing wish: auto, force-large or force-small
 * @param budget the account to charge, or null for no budget
 * @param namespace the cache namespace; answers are only shared within one namespace
 * @param correlationId the correlation id of the task that caused the call, for logs and events
 * @param metadata free-form attributes, copied and immutable
 */
public record InferenceRequest(
    String prompt,
    @Nullable String systemPrompt,
    int maxTokens,
    double temperature,
    RoutingHint hint,
    @Nullable Budget budget,
    String namespace,
    String correlationId,
    Map<String, String> metadata) {

  /** The default answer length. */
  public static final int DEFAULT_MAX_TOKENS = 1024;

  /** The namespace used when the caller does not name one. */
  public static final String DEFAULT_NAMESPACE = "default";

  /** Validates and copies. */
  public InferenceRequest {
    Checks.notBlank(prompt, "prompt");
    Checks.positive(maxTokens, "maxTokens");
    Checks.inRange(temperature, 0, 2, "temperature");
    Checks.notNull(hint, "hint");
    Checks.notBlank(namespace, "namespace");
    Checks.notBlank(correlationId, "correlationId");
    metadata = Map.copyOf(Checks.notNull(metadata, "metadata"));
  }

  /** A request with defaults for everything but the prompt. */
  public static InferenceRequest of(String prompt) {
    return builder(prompt).build();
  }

  /** A builder starting from the prompt. */
  public static Builder builder(String prompt) {
    return new Builder(prompt);
  }

  /** A builder preset with every field of this request, to derive a variant. */
  public Builder toBuilder() {
    return new Builder(prompt)
        .systemPrompt(systemPrompt)
        .maxTokens(maxTokens)
        .temperature(temperature)
        .hint(hint)
        .budget(budget)
        .namespace(namespace)
        .correlationId(correlationId)
        .metadata(metadata);
  }

  /** Builds an {@link InferenceRequest}; every setter is optional. */
  public static final class Builder {
    private final String prompt;
    private @Nullable String systemPrompt;
    private int maxTokens = DEFAULT_MAX_TOKENS;
    private double temperature = 0.0;
    private RoutingHint hint = RoutingHint.AUTO;
    private @Nullable Budget budget;
    private String namespace = DEFAULT_NAMESPACE;
    private String correlationId = "none";
    private final Map<String, String> metadata = new LinkedHashMap<>();

    private Builder(String prompt) {
      this.prompt = prompt;
    }

    /** Sets the standing instructions (default: none). */
    public Builder systemPrompt(@Nullable String systemPrompt) {
      this.systemPrompt = systemPrompt;
      return this;
    }

    /** Sets the output token cap (default {@value InferenceRequest#DEFAULT_MAX_TOKENS}). */
    public Builder maxTokens(int maxTokens) {
      this.maxTokens = maxTokens;
      return this;
    }

    /** Sets the temperature (default 0, for repeatable answers). */
    public Builder temperature(double temperature) {
      this.temperature = temperature;
      return this;
    }

    /** Sets the routing hint (default {@link RoutingHint#AUTO}). */
    public Builder hint(RoutingHint hint) {
      this.hint = Objects.requireNonNull(hint, "hint must not be null");
      return this;
    }

    /** Sets the budget to charge (default: none). */
    public Builder budget(@Nullable Budget budget) {
      this.budget = budget;
      return this;
    }

    /** Sets the cache namespace (default {@value InferenceRequest#DEFAULT_NAMESPACE}). */
    public Builder namespace(String namespace) {
      this.namespace = Objects.requireNonNull(namespace, "namespace must not be null");
      return this;
    }

    /** Sets the correlation id (default {@code none}). */
    public Builder correlationId(String correlationId) {
      this.correlationId = Objects.requireNonNull(correlationId, "correlationId must not be null");
      return this;
    }

    /** Adds one metadata entry. */
    public Builder metadata(String key, String value) {
      metadata.put(
          Objects.requireNonNull(key, "metadata key must not be null"),
          Objects.requireNonNull(value, "metadata value must not be null"));
      return this;
    }

    /** Adds every entry of {@code entries}. */
    public Builder metadata(Map<String, String> entries) {
      entries.forEach(this::metadata);
      return this;
    }

    /** Builds the request, validating every field. */
    public InferenceRequest build() {
      return new InferenceRequest(
          prompt, systemPrompt, maxTokens, temperature, hint, budget, namespace, correlationId, metadata);
    }
  }
}
