package dev.swarm.core;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * A future whose {@code cancel} interrupts the thread running its work. Plain {@link
 * CompletableFuture#cancel} only completes the future; a canceled task must also stop its work.
 */
final class WorkFuture<T> extends CompletableFuture<T> {
  private final Object lock = new Object();
  private @Nullable Thread runner;

  /** Marks the current thread as the runner; false if the future was already canceled. */
  boolean begin() {
    synchronized (lock) {
      if (isDone()) {
        return false;
      }
      runner = Thread.currentThread();
      return true;
    }
  }

  /** Runs {@code work} on the current thread (after {@link #begin}) and completes with its outcome. */
  void runWith(Callable<T> work) {
    try {
      complete(work.call());
    } catch (Throwable t) {
      completeExceptionally(t);
    } finally {
      end();
    }
  }

  /** Forgets the runner, so a late cancel cannot interrupt whatever the thread does next. */
  void end() {
    synchronized (lock) {
      runner = null;
      // A pooled platform thread must not carry this task's interrupt into its next task.
      if (!Thread.currentThread().isVirtual()) {
        Thread.interrupted();
      }
    }
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean canceled = super.cancel(mayInterruptIfRunning);
    synchronized (lock) {
      if (canceled && runner != null) {
        runner.interrupt();
      }
    }
    return canceled;
  }
}
