package dev.swarm.inference;

import java.time.Duration;

/** Waits between retry attempts; tests replace it so no test ever sleeps. */
@FunctionalInterface
interface Sleeper {
  /** The real one: parks the calling (virtual) thread. */
  Sleeper THREAD = duration -> Thread.sleep(duration);

  void sleep(Duration duration) throws InterruptedException;
}
