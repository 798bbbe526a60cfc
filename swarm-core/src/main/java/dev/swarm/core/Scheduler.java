package dev.swarm.core;

import java.time.Duration;

/**
 * Runs an action after a delay; the runtime uses it for task deadlines. Tests pass one driven by
 * a fake clock so deadlines fire exactly when the test advances time.
 *
 * <p>Actions complete futures and interrupt threads; they may run completion callbacks of the
 * tasks they end, so an implementation should not run them on a thread that other timers wait on
 * ({@link #system()} gives each its own virtual thread).
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

  /**
   * The JVM-wide scheduler on the system clock: one daemon thread fires the timers and each action
   * runs on a virtual thread.
   */
  static Scheduler system() {
    return SystemScheduler.INSTANCE;
  }
}
