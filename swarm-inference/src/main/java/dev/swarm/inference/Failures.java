package dev.swarm.inference;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.RetriableException;
import dev.swarm.api.RateLimitedException;
import dev.swarm.api.SwarmException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Sorts a model call's failure into swarm's retriable and permanent families, so the retry policy
 * never has to guess: rate limits, timeouts, 5xx and broken connections may pass; bad requests,
 * authentication and unreadable answers will not.
 */
final class Failures {
  private Failures() {}

  static SwarmException classify(Throwable failure, String model, Duration callTimeout) {
    Throwable t = unwrap(failure);
    RateLimitedException limited = find(t, RateLimitedException.class);
    if (limited != null) {
      return limited;
    }
    if (t instanceof SwarmException swarm) {
      return swarm;
    }
    String what = "model " + model;
    if (t instanceof InterruptedException) {
      return new SwarmException.Retriable("interrupted while waiting for " + what, t);
    }
    if (t instanceof TimeoutException) {
      return new SwarmException.Retriable(what + " did not answer within " + callTimeout, t);
    }
    if (t instanceof RateLimitException) {
      return new RateLimitedException(what + " is rate limited: " + t.getMessage(), null, t);
    }
    HttpException http = find(t, HttpException.class);
    if (http != null) {
      int status = http.statusCode();
      if (status == 429) {
        return new RateLimitedException(what + " is rate limited (HTTP 429)", null, t);
      }
      if (status == 408 || status >= 500) {
        return new SwarmException.Retriable(what + " failed with HTTP " + status + ": " + brief(http), t);
      }
      return new SwarmException.Permanent(what + " refused the request with HTTP " + status + ": " + brief(http), t);
    }
    if (t instanceof RetriableException) {
      return new SwarmException.Retriable(what + " failed: " + brief(t), t);
    }
    if (t instanceof NonRetriableException) {
      return new SwarmException.Permanent(what + " refused the request: " + brief(t), t);
    }
    if (find(t, JsonProcessingException.class) != null) {
      // A body that does not parse is a server bug; asking again would only be charged again.
      return new SwarmException.Permanent(what + " sent an unreadable answer: " + brief(t), t);
    }
    if (find(t, IOException.class) != null) {
      return new SwarmException.Retriable(what + " could not be reached: " + brief(t), t);
    }
    return new SwarmException.Permanent(what + " failed: " + brief(t), t);
  }

  private static Throwable unwrap(Throwable t) {
    Throwable current = t;
    while ((current instanceof ExecutionException || current instanceof CompletionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  private static <T extends Throwable> @Nullable T find(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }

  private static String brief(Throwable t) {
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return message.length() > 200 ? message.substring(0, 200) + "…" : message;
  }
}
