package dev.swarm.api;

import org.jspecify.annotations.Nullable;

/**
 * The root of swarm's unchecked exceptions. Every failure is either {@link Retriable} (the same
 * call may succeed later: timeouts, rate limits, unavailable models or peers) or {@link Permanent}
 * (retrying cannot help: bad input, exhausted budget, no capable agent), so retry logic never has
 * to guess.
 */
public abstract sealed class SwarmException extends RuntimeException
    permits SwarmException.Retriable, SwarmException.Permanent {

  private SwarmException(String message, @Nullable Throwable cause) {
    super(Checks.notBlank(message, "message"), cause);
  }

  /** Whether the same call may succeed if tried again. */
  public abstract boolean isRetriable();

  /** A failure that may go away: a timeout, a rate limit, an unavailable model or peer. */
  public static non-sealed class Retriable extends SwarmException {
    /** With a message saying what failed. */
    public Retriable(String message) {
      super(message, null);
    }

    /** With a message saying what failed and the underlying cause. */
    public Retriable(String message, @Nullable Throwable cause) {
      super(message, cause);
    }

    @Override
    public final boolean isRetriable() {
      return true;
    }
  }

  /** A failure that retrying cannot fix: bad input, a refused request, a spent budget. */
  public static non-sealed class Permanent extends SwarmException {
    /** With a message saying what failed. */
    public Permanent(String message) {
      super(message, null);
    }

    /** With a message saying what failed and the underlying cause. */
    public Permanent(String message, @Nullable Throwable cause) {
      super(message, cause);
    }

    @Override
    public final boolean isRetriable() {
      return false;
    }
  }
}
