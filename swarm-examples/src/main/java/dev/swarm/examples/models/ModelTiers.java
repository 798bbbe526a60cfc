package dev.swarm.examples.models;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.swarm.api.Checks;
import dev.swarm.api.SwarmConfig;
import dev.swarm.api.inference.ModelTier;
import dev.swarm.examples.demo.DemoChatModel;
import dev.swarm.examples.demo.DemoResponder;
import dev.swarm.inference.ModelProvider;
import dev.swarm.inference.PriceSheet;
import dev.swarm.inference.RetryAfterHttpClientBuilder;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The small and large model an example runs on, chosen from {@link SwarmConfig}: Claude or OpenAI
 * for the large tier, any OpenAI-compatible endpoint ({@code SLM_ENDPOINT}) for the small tier, and
 * the offline demo models for whatever is not configured.
 *
 * @param small the small tier
 * @param large the large tier
 * @param offline whether either tier is an offline demo model, so reports can say so
 */
public record ModelTiers(ModelProvider small, ModelProvider large, boolean offline) {
  /** DESIGN.md's tier prices: the small tier $0.0001 a request, the large tier $0.01. */
  private static final PriceSheet SMALL_PER_REQUEST = PriceSheet.perRequest(0.0001);
  private static final PriceSheet LARGE_PER_REQUEST = PriceSheet.perRequest(0.01);

  /** Validates. */
  public ModelTiers {
    Checks.notNull(small, "small");
    Checks.notNull(large, "large");
    if (small.tier() != ModelTier.SMALL || large.tier() != ModelTier.LARGE) {
      throw new IllegalArgumentException(
          "small must be SMALL and large LARGE but were " + small.tier() + " and " + large.tier());
    }
  }

  /**
   * Picks the tiers from {@code config}; tiers it leaves unconfigured run offline.
   *
   * @param timeScale how fast demo models answer relative to real ones (1 = real time)
   * @param smallFailurePercent share of prompts the demo small model fails with a 503, for the
   *     fallback part of the demo
   */
  public static ModelTiers from(SwarmConfig config, double timeScale, int smallFailurePercent) {
    Objects.requireNonNull(config, "config must not be null");
    DemoResponder responder = new DemoResponder();
    ModelProvider large = largeFrom(config)
        .orElseGet(() -> ModelProvider.of(ModelTier.LARGE, "demo-large",
            DemoChatModel.large(timeScale, responder::large), LARGE_PER_REQUEST));
    ModelProvider small = smallFrom(config)
        .orElseGet(() -> ModelProvider.of(ModelTier.SMALL, "demo-small",
            DemoChatModel.small(timeScale, smallFailurePercent, responder::small), SMALL_PER_REQUEST));
    boolean offline = small.name().startsWith("demo-") || large.name().startsWith("demo-");
    return new ModelTiers(small, large, offline);
  }

  /** Both tiers offline, for tests and the default demo. */
  public static ModelTiers offline(double timeScale, int smallFailurePercent) {
    return from(SwarmConfig.defaults(), timeScale, smallFailurePercent);
  }

  /** A one-line description for reports, naming each tier's model and whether it is a demo. */
  public String describe() {
    return "small=" + small.name() + ", large=" + large.name()
        + (offline ? " (offline demo models: deterministic, priced and timed like real tiers)" : "");
  }

  private static Optional<ModelProvider> largeFrom(SwarmConfig config) {
    if (config.anthropicApiKey() != null) {
      String name = Objects.requireNonNullElse(config.llmModel(), "claude-sonnet-4-5");
      ChatModel model = AnthropicChatModel.builder()
          .apiKey(config.anthropicApiKey()).modelName(name).timeout(Duration.ofSeconds(120)).maxRetries(0).build();
      // List prices per million tokens at the time of writing; override with your contract's.
      return Optional.of(ModelProvider.of(ModelTier.LARGE, name, model, PriceSheet.perMillionTokens(3, 15)));
    }
    if (config.openAiApiKey() != null || config.openAiApiBase() != null) {
      String name = Objects.requireNonNullElse(config.llmModel(), "gpt-4o");
      return Optional.of(ModelProvider.of(ModelTier.LARGE, name,
          openAi(config.openAiApiBase(), Objects.requireNonNullElse(config.openAiApiKey(), "none"), name),
          PriceSheet.perMillionTokens(2.5, 10)));
    }
    return Optional.empty();
  }

  private static Optional<ModelProvider> smallFrom(SwarmConfig config) {
    if (config.slmEndpoint() != null) {
      String name = Objects.requireNonNullElse(config.slmModel(), "local-slm");
      return Optional.of(ModelProvider.of(ModelTier.SMALL, name,
          openAi(config.slmEndpoint(), Objects.requireNonNullElse(config.openAiApiKey(), "none"), name),
          SMALL_PER_REQUEST));
    }
    if (config.openAiApiKey() != null) {
      return Optional.of(ModelProvider.of(ModelTier.SMALL, "gpt-4o-mini",
          openAi(config.openAiApiBase(), config.openAiApiKey(), "gpt-4o-mini"), PriceSheet.perMillionTokens(0.15, 0.6)));
    }
    if (config.anthropicApiKey() != null) {
      String name = "claude-haiku-4-5";
      ChatModel model = AnthropicChatModel.builder()
          .apiKey(config.anthropicApiKey()).modelName(name).timeout(Duration.ofSeconds(60)).maxRetries(0).build();
      return Optional.of(ModelProvider.of(ModelTier.SMALL, name, model, PriceSheet.perMillionTokens(1, 5)));
    }
    return Optional.empty();
  }

  private static ChatModel openAi(@Nullable String baseUrl, String apiKey, String name) {
    OpenAiChatModel.OpenAiChatModelBuilder builder = OpenAiChatModel.builder()
        .apiKey(apiKey)
        .modelName(name)
        .httpClientBuilder(RetryAfterHttpClientBuilder.of())
        .timeout(Duration.ofSeconds(120))
        .maxRetries(0); // the engine retries, honouring Retry-After
    if (baseUrl != null) {
      builder.baseUrl(baseUrl);
    }
    return builder.build();
  }
}
