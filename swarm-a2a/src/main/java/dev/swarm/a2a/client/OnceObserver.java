package dev.swarm.a2a.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Guards a stream observer so it hears at most one ending and nothing after an abort, whichever
 * transport thread races to report first.
 */
final class OnceObserver implements Transport.StreamObserver {
  private final Transport.StreamObserver delegate;
  private boolean done;

  OnceObserver(Transport.StreamObserver delegate) {
    this.delegate = delegate;
  }

  /** Drops everything from now on, for an aborted stream. */
  synchronized void silence() {
    done = true;
  }

  @Override
  public synchronized void onResult(JsonNode result) {
    if (!done) {
      delegate.onResult(result);
    }
  }

  @Override
  public synchronized void onEnd() {
    if (!done) {
      done = true;
      delegate.onEnd();
    }
  }

  @Override
  public synchronized void onError(RuntimeException error) {
    if (!done) {
      done = true;
      delegate.onError(error);
    }
  }
}
