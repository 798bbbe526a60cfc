package dev.swarm.inference.router;

import dev.swarm.api.inference.Complexity;
import dev.swarm.api.inference.ModelTier;
import java.util.Objects;

/** What to do with a prompt scored MEDIUM, between the simple and the complex threshold. */
public enum MediumPolicy {
  /** Send it to the large tier: the safe default, since a MEDIUM prompt is a coin flip for a small model. */
  LARGE,
  /** Send it to the small tier, relying on fallback and a verifier to catch bad answers. */
  SMALL,
  /** Send it to the small tier when its score is below one half, else to the large tier. */
  SPLIT_AT_HALF;

  /** The tier this policy picks for {@code complexity}; SIMPLE is always small, COMPLEX always large. */
  public ModelTier tierFor(Complexity complexity) {
    Objects.requireNonNull(complexity, "complexity must not be null");
    return switch (complexity.level()) {
      case SIMPLE -> ModelTier.SMALL;
      case COMPLEX -> ModelTier.LARGE;
      case MEDIUM -> switch (this) {
        case LARGE -> ModelTier.LARGE;
        case SMALL -> ModelTier.SMALL;
        case SPLIT_AT_HALF -> complexity.score() < 0.5 ? ModelTier.SMALL : ModelTier.LARGE;
      };
    };
  }
}
