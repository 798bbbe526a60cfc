package dev.swarm.api.inference;

import dev.swarm.api.Checks;

/**
 * Tokens a model call consumed.
 *
 * @param inputTokens prompt tokens, zero or more
 * @param outputTokens completion tokens, zero or more
 */
public record TokenUsage(long inputTokens, long outputTokens) {
  /** No tokens: a cache hit. */
  public static final TokenUsage NONE = new TokenUsage(0, 0);

  /** Validates. */
  public TokenUsage {
    Checks.notNegative(inputTokens, "inputTokens");
    Checks.notNegative(outputTokens, "outputTokens");
  }

  /** Input plus output tokens. */
  public long totalTokens() {
    return inputTokens + outputTokens;
  }

  /** The sum of this usage and {@code other}. */
  public TokenUsage plus(TokenUsage other) {
    return new TokenUsage(inputTokens + other.inputTokens, outputTokens + other.outputTokens);
  }
}
