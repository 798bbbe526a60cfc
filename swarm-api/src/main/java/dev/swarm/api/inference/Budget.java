package dev.swarm.api.inference;

import dev.swarm.api.Checks;

/**
 * A spending account for model calls. Calls naming the same key draw on the same account; the
 * engine steers to the small tier as the account runs down and refuses calls past the limit.
 *
 * @param key what the budget belongs to, usually a task or agent id
 * @param limitUsd the hard limit in US dollars, greater than zero
 */
public record Budget(String key, double limitUsd) {
  /** Validates. */
  public Budget {
    Checks.notBlank(key, "budget key");
    if (!(limitUsd > 0) || Double.isInfinite(limitUsd)) {
      throw new IllegalArgumentException("budget limitUsd must be a positive finite amount but was " + limitUsd);
    }
  }

  /** A budget for {@code key} of {@code limitUsd} dollars. */
  public static Budget of(String key, double limitUsd) {
    return new Budget(key, limitUsd);
  }
}
