package dev.swarm.api.inference;

/** What the caller wants from routing. */
public enum RoutingHint {
  /** Let the classifier and the budget decide. */
  AUTO,
  /** Use the large tier regardless of the score. */
  FORCE_LARGE,
  /** Use the small tier regardless of the score (fallback still applies if it fails). */
  FORCE_SMALL
}
