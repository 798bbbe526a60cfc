package dev.swarm.a2a.client;

import dev.swarm.api.SwarmException;

/** A remote A2A error that may go away if the call is sent again: an internal server fault. */
public final class A2aRetriableException extends SwarmException.Retriable implements A2aFailure {
  private final A2aError error;
  private final int code;

  /**
   * Creates the exception for an error code answered by a peer.
   *
   * @param error the mapped error; must be retriable
   * @param code the code as received
   * @param message what failed and where
   */
  public A2aRetriableException(A2aError error, int code, String message) {
    super(message);
    if (!error.isRetriable()) {
      throw new IllegalArgumentException("error must be retriable but was " + error);
    }
    this.error = error;
    this.code = code;
  }

  @Override
  public A2aError error() {
    return error;
  }

  @Override
  public int code() {
    return code;
  }
}
