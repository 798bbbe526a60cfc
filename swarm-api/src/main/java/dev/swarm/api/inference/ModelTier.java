package dev.swarm.api.inference;

/** The two model tiers the hybrid engine routes between. */
public enum ModelTier {
  /** A small, cheap, fast model for routine work. */
  SMALL,
  /** A large, capable, expensive model for hard work and fallback. */
  LARGE
}
