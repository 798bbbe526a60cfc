package dev.swarm.a2a.client;

import dev.swarm.api.SwarmException;

/**
 * A JSON-RPC error answered by a remote A2A agent, as a typed exception. Both implementations are
 * {@link dev.swarm.api.SwarmException}s: {@link A2aRetriableException} for codes where a retry may
 * help, {@link A2aPermanentException} for the rest, so generic retry logic needs no A2A knowledge.
 *
 * <pre>{@code
 * } catch (SwarmException e) {
 *   if (e instanceof A2aFailure f && f.error() == A2aError.TASK_NOT_FOUND) { ... }
 * }
 * }</pre>
 */
public sealed interface A2aFailure permits A2aRetriableException, A2aPermanentException {
  /** The error, mapped from the code (or the ErrorInfo reason when the code is unknown). */
  A2aError error();

  /** The code exactly as received, which differs from {@code error().code()} for UNKNOWN. */
  int code();

  /** Creates the exception the code calls for; {@code message} says what failed and where. */
  static SwarmException of(A2aError error, int code, String message) {
    return error.isRetriable()
        ? new A2aRetriableException(error, code, message)
        : new A2aPermanentException(error, code, message);
  }
}
