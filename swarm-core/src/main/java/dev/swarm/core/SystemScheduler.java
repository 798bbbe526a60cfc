package dev.swarm.core;

import java.util.Objects;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The system scheduler: one daemon thread that only fires timers. Each action runs on a virtual
 * thread of its own, so an action that does more than it should (a completion callback that
 * dispatches the next step of a plan) never delays the other deadlines.
 */
final class SystemScheduler {
  static final Scheduler INSTANCE = create();

  private SystemScheduler() {}

  private static Scheduler create() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(1, r -> {
          Thread t = new Thread(r, "swarm-timer");
          t.setDaemon(true);
          return t;
        });
    // Most deadlines are canceled because the task finished; drop them instead of holding them.
    timer.setRemoveOnCancelPolicy(true);
    return (delay, action) -> {
      Objects.requireNonNull(delay, "delay must not be null");
      Objects.requireNonNull(action, "action must not be null");
      var future = timer.schedule(() -> Thread.ofVirtual().name("swarm-deadline").start(action),
          Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
      return () -> future.cancel(false);
    };
  }
}
