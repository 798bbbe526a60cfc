package dev.swarm.core;

import dev.swarm.api.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A scheduler on a {@link MutableClock}: actions fire when the test advances time past them. */
final class ManualScheduler implements Scheduler {
  private final MutableClock clock;
  private final List<Entry> entries = new ArrayList<>();

  ManualScheduler(MutableClock clock) {
    this.clock = clock;
  }

  private static final class Entry {
    final Instant due;
    final Runnable action;
    boolean canceled;

    Entry(Instant due, Runnable action) {
      this.due = due;
      this.action = action;
    }
  }

  @Override
  public synchronized Cancellable schedule(Duration delay, Runnable action) {
    Entry e = new Entry(clock.instant().plus(delay), action);
    entries.add(e);
    return () -> {
      synchronized (this) {
        e.canceled = true;
      }
    };
  }

  /** Moves the clock and runs every action now due, on the calling thread. */
  void advance(Duration by) {
    clock.advance(by);
    List<Runnable> due = new ArrayList<>();
    synchronized (this) {
      entries.removeIf(e -> {
        if (e.canceled) {
          return true;
        }
        if (!e.due.isAfter(clock.instant())) {
          due.add(e.action);
          return true;
        }
        return false;
      });
    }
    due.forEach(Runnable::run);
  }

  synchronized int pending() {
    return (int) entries.stream().filter(e -> !e.canceled).count();
  }
}
