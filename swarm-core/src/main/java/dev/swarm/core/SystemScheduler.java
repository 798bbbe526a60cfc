package dev.swarm.core;

import java.util.Objects;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The system scheduler: one daemon thread that only fires timers. */
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
      var future = timer.schedule(action, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
      return () -> future.cancel(false);
    };
  }
}
