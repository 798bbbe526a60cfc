package dev.swarm.inference;

import dev.swarm.api.inference.TokenUsage;
import java.util.Objects;

/**
 * What a model charges: US dollars per million input and output tokens, plus a fixed amount per
 * request (hosted models usually charge by token, the offline demo models by request).
 *
 * @param inputPerMillionUsd dollars per million prompt tokens, zero or more
 * @param outputPerMillionUsd dollars per million completion tokens, zero or more
 * @param perRequestUsd dollars per answered request, zero or more
 */
public record PriceSheet(double inputPerMillionUsd, double outputPerMillionUsd, double perRequestUsd) {
  /** A free model, for local servers whose cost is not counted. */
  public static final PriceSheet FREE = new PriceSheet(0, 0, 0);

  /** Validates; messages name the price and echo the value. */
  public PriceSheet {
    price(inputPerMillionUsd, "inputPerMillionUsd");
    price(outputPerMillionUsd, "outputPerMillionUsd");
    price(perRequestUsd, "perRequestUsd");
  }

  /** A sheet priced by token, in dollars per million input and output tokens. */
  public static PriceSheet perMillionTokens(double inputUsd, double outputUsd) {
    return new PriceSheet(inputUsd, outputUsd, 0);
  }

  /** A sheet priced per answered request. */
  public static PriceSheet perRequest(double usd) {
    return new PriceSheet(0, 0, usd);
  }

  /** What one answered request that consumed {@code usage} costs. */
  public double costOf(TokenUsage usage) {
    Objects.requireNonNull(usage, "usage must not be null");
    return (usage.inputTokens() * inputPerMillionUsd + usage.outputTokens() * outputPerMillionUsd) / 1_000_000
        + perRequestUsd;
  }

  private static void price(double value, String name) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite amount >= 0 but was " + value);
    }
  }
}
