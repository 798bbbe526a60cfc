package dev.swarm.vector;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The default home of an index's maintenance (quantizer training, compaction): one daemon thread
 * for the whole JVM, so maintenance never takes more than one core from searches, and never keeps
 * the JVM alive.
 */
final class BackgroundThread {
  static final Executor EXECUTOR = newExecutor();

  private BackgroundThread() {}

  private static ExecutorService newExecutor() {
    return Executors.newSingleThreadExecutor(
        Thread.ofPlatform().name("swarm-vector-maintenance").daemon().priority(Thread.MIN_PRIORITY).factory());
  }
}
