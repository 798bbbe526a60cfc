package dev.swarm.a2a.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Guards a stream observer so it hears at most one ending and nothing after an abort, whichever
 * transport thread races to report first.
 *
 * <p>Lock-free on purpose: the observer takes its task's lock, and the task aborts streams while
 * holding that lock, so a lock here would order the two both ways and deadlock.
 */
final class OnceObserver implements Transport.StreamObserver {
  private final Transport.StreamObserver delegate;
  private final AtomicBoolean done = new AtomicBoolean();

  OnceObserver(Transport.StreamObserver delegate) {
    this.delegate = delegate;
  }

  /** Drops everything from now on, for an aborted stream. */
  void silence() {
    done.set(true);
  }

  @Override
  public void onResult(JsonNode result) {
    // Results of one stream arrive on one thread in order; the task ignores any after its end.
    if (!done.get()) {
      delegate.onResult(result);
    }
  }

  @Override
  public void onEnd() {
    if (done.compareAndSet(false, true)) {
      delegate.onEnd();
    }
  }

  @Override
  public void onError(RuntimeException error) {
    if (done.compareAndSet(false, true)) {
      delegate.onError(error);
    }
  }
}
