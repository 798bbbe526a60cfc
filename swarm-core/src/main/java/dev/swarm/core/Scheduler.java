package dev.swarm.core;

import java.time.Duration;

/**
 * Runs an action after a delay; the runtime uses it for task deadlines. Tests pass one driven by
 * a fake clock so deadlines fire exactly when the test advances time.
 *
 * <p>Actions run on the scheduler's own thread and must be quick: they complete futures and
 * interrupt threads, nothing more.
 */
@FunctionalInterface
public interface Scheduler {
  /** Runs {@code action} once, {@code delay} from now, unless canceled first. */
  Cancellable schedule(Duration delay, Runnable action);

  /** A scheduled action that can still be called off. */
  @FunctionalInterface
  interface Cancellable {
    /** Calls the action off; harmless when it already ran or was canceled. */
    void cancel();
  }

  /** The JVM-wide scheduler on the system clock: one daemon thread that only fires timers. */
  static Scheduler system() {
    return SystemScheduler.INSTANCE;
  }
}
