package dev.swarm.inference;

import dev.langchain4j.model.chat.ChatModel;
import dev.swarm.api.inference.ModelTier;
import java.util.Objects;

/**
 * One model the engine can call: a langchain4j {@link ChatModel}, the tier it serves, its name for
 * reports and metrics, and its prices.
 *
 * <pre>{@code
 * ModelProvider small = ModelProvider.of(ModelTier.SMALL, "llama-3.2-3b", slm, PriceSheet.perRequest(0.0001));
 * }</pre>
 *
 * <p>The engine calls the model on a virtual thread of its executor, one call per attempt; the
 * model should not retry by itself (set langchain4j's {@code maxRetries(0)}), or retries multiply.
 *
 * @param tier the tier this model serves
 * @param name the model's name, as reported in results, metrics and events
 * @param model the langchain4j chat model
 * @param prices what each answered request costs
 */
public record ModelProvider(ModelTier tier, String name, ChatModel model, PriceSheet prices) {
  /** Validates. */
  public ModelProvider {
    Objects.requireNonNull(tier, "tier must not be null");
    Objects.requireNonNull(name, "name must not be null");
    Objects.requireNonNull(model, "model must not be null");
    Objects.requireNonNull(prices, "prices must not be null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
  }

  /** A provider named {@code name}. */
  public static ModelProvider of(ModelTier tier, String name, ChatModel model, PriceSheet prices) {
    return new ModelProvider(tier, name, model, prices);
  }

  /** A provider named after the model's default {@code modelName} parameter, or its tier when it has none. */
  public static ModelProvider of(ModelTier tier, ChatModel model, PriceSheet prices) {
    Objects.requireNonNull(model, "model must not be null");
    String name = model.defaultRequestParameters() == null ? null : model.defaultRequestParameters().modelName();
    return new ModelProvider(tier, name == null || name.isBlank() ? tier.name().toLowerCase(java.util.Locale.ROOT) : name,
        model, prices);
  }
}
