package dev.swarm.a2a.server;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one task's side work (webhook posts, store writes) on the I/O executor, one job after the
 * other in submission order, so that slow work never runs on an event loop or an agent thread and
 * never overtakes itself.
 */
final class SerialQueue {
  private static final Logger LOG = LoggerFactory.getLogger(SerialQueue.class);

  private final Executor executor;
  private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

  SerialQueue(Executor executor) {
    this.executor = executor;
  }

  synchronized void submit(Runnable job) {
    tail = tail.thenRunAsync(job, executor).exceptionally(failure -> {
      LOG.warn("Background work for a task failed and was skipped: {}", failure.toString());
      return null;
    });
  }
}
