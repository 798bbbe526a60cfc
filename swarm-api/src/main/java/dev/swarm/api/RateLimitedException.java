package dev.swarm.api;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A provider or peer asked us to slow down, possibly saying for how long (HTTP Retry-After). */
public class RateLimitedException extends SwarmException.Retriable {
  private final @Nullable Duration retryAfter;

  /**
   * @param message what was rate limited
   * @param retryAfter how long the server asked us to wait, or null when it did not say
   * @param cause the underlying error, or null
   */
  public RateLimitedException(String message, @Nullable Duration retryAfter, @Nullable Throwable cause) {
    super(message, cause);
    if (retryAfter != null && retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative but was " + retryAfter);
    }
    this.retryAfter = retryAfter;
  }

  /** How long to wait before the next attempt, when the server said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
