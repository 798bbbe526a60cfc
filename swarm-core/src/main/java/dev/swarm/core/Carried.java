package dev.swarm.core;

import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * What a task carries into every thread it touches: the submitter's SLF4J MDC (correlation id,
 * task and agent ids) and the running task itself, so a model call made on a pooled thread is
 * still charged to the task that caused it.
 */
final class Carried {
  private static final ThreadLocal<@Nullable Run> CURRENT_RUN = new ThreadLocal<>();

  private final @Nullable Map<String, String> mdc;
  private final @Nullable Run run;

  private Carried(@Nullable Map<String, String> mdc, @Nullable Run run) {
    this.mdc = mdc;
    this.run = run;
  }

  /** Captures the calling thread's context. */
  static Carried capture() {
    return new Carried(MDC.getCopyOfContextMap(), CURRENT_RUN.get());
  }

  /** The task running on this thread, if any. */
  static @Nullable Run currentRun() {
    return CURRENT_RUN.get();
  }

  /** Runs {@code work} with this context installed, restoring the thread's own afterwards. */
  <T> T call(Callable<T> work) throws Exception {
    Map<String, String> previousMdc = MDC.getCopyOfContextMap();
    Run previousRun = CURRENT_RUN.get();
    install(mdc, run);
    try {
      return work.call();
    } finally {
      install(previousMdc, previousRun);
    }
  }

  /** Installs {@code run} and its ids in the MDC on the current thread; returns what to restore. */
  static Carried enter(Run run, String agentId) {
    Carried previous = capture();
    CURRENT_RUN.set(run);
    MDC.put("correlationId", run.task().correlationId());
    MDC.put("taskId", run.task().id().value());
    MDC.put("agentId", agentId);
    return previous;
  }

  /** Puts back what {@link #enter} replaced. */
  void restore() {
    install(mdc, run);
  }

  private static void install(@Nullable Map<String, String> mdc, @Nullable Run run) {
    if (mdc == null) {
      MDC.clear();
    } else {
      MDC.setContextMap(mdc);
    }
    if (run == null) {
      CURRENT_RUN.remove();
    } else {
      CURRENT_RUN.set(run);
    }
  }
}
