package dev.swarm.core;

import dev.swarm.api.SwarmConfig;
import dev.swarm.api.SwarmException;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a swarm's work in two lanes: a bounded pool of platform threads for CPU work ({@code
 * MAX_PROCESS_WORKERS}) and virtual threads under a concurrency cap for I/O such as model calls
 * ({@code MAX_THREAD_WORKERS}). Both lanes carry the submitter's SLF4J MDC and running task into
 * the work, and cancelling a returned future interrupts the work.
 *
 * <pre>{@code
 * try (ExecutorPool pool = ExecutorPool.builder().cpuWorkers(4).ioConcurrency(1_000).build()) {
 *   CompletableFuture<String> answer = pool.runIo(() -> engine.infer(request).content());
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #shared()} is one JVM-wide pool for hosts that do not make their own.
 */
public final class ExecutorPool implements AutoCloseable, MeterBinder {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutorPool.class);

  private final String name;
  private final boolean shared;
  private final int cpuWorkers;
  private final int ioConcurrency;
  private final Duration grace;
  private final ThreadPoolExecutor cpu;
  private final ExecutorService io;
  private final Semaphore ioPermits;
  private final AtomicInteger ioActive = new AtomicInteger();
  private final AtomicInteger ioQueued = new AtomicInteger();
  private final AtomicInteger cpuActive = new AtomicInteger();
  private final LongAdder completed = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private volatile boolean shutdown;

  private ExecutorPool(Builder b, boolean shared) {
    this.name = b.name;
    this.shared = shared;
    this.cpuWorkers = b.cpuWorkers;
    this.ioConcurrency = b.ioConcurrency;
    this.grace = b.grace;
    AtomicInteger cpuThreads = new AtomicInteger();
    ThreadFactory cpuFactory =
        r -> {
          Thread t = new Thread(r, name + "-cpu-" + cpuThreads.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    this.cpu =
        new ThreadPoolExecutor(
            cpuWorkers, cpuWorkers, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(b.cpuQueueCapacity), cpuFactory);
    this.io = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(name + "-io-", 0).factory());
    this.ioPermits = new Semaphore(ioConcurrency);
  }

  /** A builder with the defaults: CPU lane of the core count, I/O cap of 10,000. */
  public static Builder builder() {
    return new Builder();
  }

  /** A pool sized by {@code MAX_PROCESS_WORKERS} and {@code MAX_THREAD_WORKERS}. */
  public static ExecutorPool from(SwarmConfig config) {
    Objects.requireNonNull(config, "config must not be null");
    return builder().cpuWorkers(config.maxProcessWorkers()).ioConcurrency(config.maxThreadWorkers()).build();
  }

  /**
   * The JVM-wide pool, sized from the environment ({@link SwarmConfig#fromEnv()}) on first use.
   * It lives as long as the JVM: its threads are daemons and shutting it down is refused.
   */
  public static ExecutorPool shared() {
    return SharedHolder.POOL;
  }

  private static final class SharedHolder {
    static final ExecutorPool POOL = sharedPool();

    private static ExecutorPool sharedPool() {
      SwarmConfig config = SwarmConfig.fromEnv();
      Builder b = builder().name("swarm-shared").cpuWorkers(config.maxProcessWorkers())
          .ioConcurrency(config.maxThreadWorkers());
      return new ExecutorPool(b, true);
    }
  }

  /**
   * Runs CPU-bound {@code work} on the bounded platform pool.
   *
   * @return a future of the work's outcome; it fails with {@link SwarmException.Retriable} when
   *     the lane's queue is full or the pool is shut down, and cancelling it interrupts the work
   */
  public <T> CompletableFuture<T> runCpu(Callable<T> work) {
    Objects.requireNonNull(work, "work must not be null");
    WorkFuture<T> future = new WorkFuture<>();
    Carried carried = Carried.capture();
    if (shutdown) {
      return refuse(future, "the pool '" + name + "' is shut down; submit to a running pool");
    }
    try {
      cpu.execute(
          () -> {
            if (!future.begin()) {
              return;
            }
            cpuActive.incrementAndGet();
            try {
              future.runWith(() -> carried.call(work));
            } finally {
              cpuActive.decrementAndGet();
              completed.increment();
            }
          });
    } catch (RejectedExecutionException e) {
      return refuse(future, "the CPU lane of pool '" + name + "' is full (" + cpuWorkers
          + " workers busy, " + cpu.getQueue().size() + " queued); raise MAX_PROCESS_WORKERS or slow the producer");
    }
    return future;
  }

  /**
   * Runs I/O-bound {@code work} (model calls, remote agents) on a virtual thread once fewer than
   * {@code MAX_THREAD_WORKERS} such tasks are running; until then it waits without a platform
   * thread.
   *
   * @return a future of the work's outcome; it fails with {@link SwarmException.Retriable} when
   *     the pool is shut down, and cancelling it interrupts the work or its wait
   */
  public <T> CompletableFuture<T> runIo(Callable<T> work) {
    Objects.requireNonNull(work, "work must not be null");
    WorkFuture<T> future = new WorkFuture<>();
    Carried carried = Carried.capture();
    if (shutdown) {
      return refuse(future, "the pool '" + name + "' is shut down; submit to a running pool");
    }
    ioQueued.incrementAndGet();
    try {
      io.execute(() -> runIoTask(future, carried, work));
    } catch (RejectedExecutionException e) {
      ioQueued.decrementAndGet();
      return refuse(future, "the pool '" + name + "' is shut down; submit to a running pool");
    }
    return future;
  }

  private <T> void runIoTask(WorkFuture<T> future, Carried carried, Callable<T> work) {
    if (!future.begin()) {
      ioQueued.decrementAndGet();
      return;
    }
    try {
      ioPermits.acquire();
    } catch (InterruptedException e) {
      ioQueued.decrementAndGet();
      future.end();
      future.cancel(false);
      return;
    }
    ioQueued.decrementAndGet();
    ioActive.incrementAndGet();
    try {
      future.runWith(() -> carried.call(work));
    } finally {
      ioActive.decrementAndGet();
      ioPermits.release();
      completed.increment();
    }
  }

  private <T> CompletableFuture<T> refuse(CompletableFuture<T> future, String why) {
    rejected.increment();
    future.completeExceptionally(new SwarmException.Retriable(why));
    return future;
  }

  /** An executor that runs each command through {@link #runCpu}; failures are logged. */
  public Executor cpuExecutor() {
    return command -> runCpu(Executors.callable(command)).whenComplete(ExecutorPool::logFailure);
  }

  /** An executor that runs each command through {@link #runIo}; failures are logged. */
  public Executor ioExecutor() {
    return command -> runIo(Executors.callable(command)).whenComplete(ExecutorPool::logFailure);
  }

  private static void logFailure(Object ignored, Throwable error) {
    if (error != null) {
      LOG.warn("A command given to the pool's executor failed; handle errors inside the command", error);
    }
  }

  /** The pool's counters at this moment. */
  public Stats stats() {
    return new Stats(cpuWorkers, cpuActive.get(), cpu.getQueue().size(), ioConcurrency, ioActive.get(),
        ioQueued.get(), completed.sum(), rejected.sum());
  }

  /**
   * Stops taking work, waits up to {@code gracePeriod} for running work to finish, then
   * interrupts what is left.
   *
   * @return whether everything finished within the grace period
   * @throws IllegalStateException for the {@link #shared()} pool, which lives as long as the JVM
   */
  public boolean shutdown(Duration gracePeriod) {
    Objects.requireNonNull(gracePeriod, "gracePeriod must not be null");
    if (shared) {
      throw new IllegalStateException("the shared ExecutorPool lives as long as the JVM; shut down pools you built");
    }
    shutdown = true;
    cpu.shutdown();
    io.shutdown();
    long deadline = System.nanoTime() + gracePeriod.toNanos();
    try {
      boolean clean = cpu.awaitTermination(gracePeriod.toNanos(), TimeUnit.NANOSECONDS)
          && io.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (!clean) {
        int stopped = cpu.shutdownNow().size() + io.shutdownNow().size();
        LOG.warn("ExecutorPool '{}' interrupted its remaining work ({} queued tasks dropped) after a grace period of {};"
            + " cancel work before closing or allow a longer grace period", name, stopped, gracePeriod);
      }
      return clean;
    } catch (InterruptedException e) {
      cpu.shutdownNow();
      io.shutdownNow();
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Shuts down with the builder's grace period (default 30 seconds). */
  @Override
  public void close() {
    shutdown(grace);
  }

  /** Registers gauges for active and queued work per lane and counters for completed and rejected work. */
  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("swarm.pool.active", cpuActive, AtomicInteger::get).tag("pool", name).tag("lane", "cpu").register(registry);
    Gauge.builder("swarm.pool.active", ioActive, AtomicInteger::get).tag("pool", name).tag("lane", "io").register(registry);
    Gauge.builder("swarm.pool.queued", cpu, e -> e.getQueue().size()).tag("pool", name).tag("lane", "cpu").register(registry);
    Gauge.builder("swarm.pool.queued", ioQueued, AtomicInteger::get).tag("pool", name).tag("lane", "io").register(registry);
    FunctionCounter.builder("swarm.pool.completed", completed, LongAdder::sum).tag("pool", name).register(registry);
    FunctionCounter.builder("swarm.pool.rejected", rejected, LongAdder::sum).tag("pool", name).register(registry);
  }

  /**
   * A snapshot of the pool's counters.
   *
   * @param cpuWorkers platform threads in the CPU lane
   * @param cpuActive CPU tasks running
   * @param cpuQueued CPU tasks waiting for a thread
   * @param ioConcurrency the most I/O tasks running at once
   * @param ioActive I/O tasks running
   * @param ioQueued I/O tasks waiting under the cap
   * @param completed tasks finished in either lane, successfully or not
   * @param rejected tasks refused because a lane was full or the pool shut down
   */
  public record Stats(int cpuWorkers, int cpuActive, int cpuQueued, int ioConcurrency, int ioActive, int ioQueued,
      long completed, long rejected) {}

  /** Builds an {@link ExecutorPool}; every setting is optional. */
  public static final class Builder {
    private String name = "swarm";
    private int cpuWorkers = Runtime.getRuntime().availableProcessors();
    private int cpuQueueCapacity = 10_000;
    private int ioConcurrency = 10_000;
    private Duration grace = Duration.ofSeconds(30);

    private Builder() {}

    /** Names the pool's threads and metrics (default {@code swarm}). */
    public Builder name(String name) {
      if (Objects.requireNonNull(name, "name must not be null").isBlank()) {
        throw new IllegalArgumentException("name must not be blank");
      }
      this.name = name;
      return this;
    }

    /** Sets the CPU lane's thread count ({@code MAX_PROCESS_WORKERS}; default: the core count). */
    public Builder cpuWorkers(int count) {
      this.cpuWorkers = positive(count, "MAX_PROCESS_WORKERS");
      return this;
    }

    /** Sets how many CPU tasks may wait for a thread before more are rejected (default 10,000). */
    public Builder cpuQueueCapacity(int capacity) {
      this.cpuQueueCapacity = positive(capacity, "cpuQueueCapacity");
      return this;
    }

    /** Sets the most I/O tasks running at once ({@code MAX_THREAD_WORKERS}; default 10,000). */
    public Builder ioConcurrency(int count) {
      this.ioConcurrency = positive(count, "MAX_THREAD_WORKERS");
      return this;
    }

    /** Sets how long {@link ExecutorPool#close()} waits for running work (default 30 seconds). */
    public Builder gracePeriod(Duration grace) {
      Objects.requireNonNull(grace, "gracePeriod must not be null");
      if (grace.isNegative()) {
        throw new IllegalArgumentException("gracePeriod must not be negative but was " + grace);
      }
      this.grace = grace;
      return this;
    }

    /** Builds and starts the pool. */
    public ExecutorPool build() {
      return new ExecutorPool(this, false);
    }

    private static int positive(int value, String setting) {
      if (value < 1) {
        throw new IllegalArgumentException(setting + " must be > 0 but was " + value);
      }
      return value;
    }
  }
}
