package dev.swarm.core;

import dev.swarm.api.SwarmConfig;
import dev.swarm.api.event.SwarmEventListener;
import dev.swarm.api.inference.InferenceEngine;
import dev.swarm.api.memory.Memory;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link BaseAgent} is given when it starts: the inference engine, shared memory, where
 * its events go, the pool its work runs on, the clock and scheduler for deadlines, and the
 * registry through which it reaches other agents. A {@link Swarm} builds one for every local
 * agent it holds; a standalone agent gets one through {@link BaseAgent#start(AgentContext)}.
 */
public final class AgentContext {
  private final @Nullable InferenceEngine engine;
  private final @Nullable Memory memory;
  private final SwarmEventListener events;
  private final ExecutorPool pool;
  private final Clock clock;
  private final Scheduler scheduler;
  private final AgentRegistry registry;
  private final @Nullable MeterRegistry meters;
  private final Duration workerTimeout;

  private AgentContext(Builder b) {
    this.engine = b.engine;
    this.memory = b.memory;
    this.events = b.events;
    this.pool = b.pool;
    this.clock = b.clock;
    this.scheduler = b.scheduler;
    this.registry = b.registry;
    this.meters = b.meters;
    this.workerTimeout = b.workerTimeout;
  }

  /** A builder starting from the defaults: no engine or memory, shared pool, system clock. */
  public static Builder builder() {
    return new Builder();
  }

  /** The inference engine, if one is configured. */
  public Optional<InferenceEngine> inferenceEngine() {
    return Optional.ofNullable(engine);
  }

  /** Shared memory, if configured. */
  public Optional<Memory> memory() {
    return Optional.ofNullable(memory);
  }

  /** Where the agent publishes its events. */
  public SwarmEventListener events() {
    return events;
  }

  /** The pool the agent's tasks run on. */
  public ExecutorPool pool() {
    return pool;
  }

  /** The clock for deadlines and latency. */
  public Clock clock() {
    return clock;
  }

  /** The scheduler that fires deadlines. */
  public Scheduler scheduler() {
    return scheduler;
  }

  /** The agents this agent can send tasks to. */
  public AgentRegistry registry() {
    return registry;
  }

  /** Where task metrics are recorded, if anywhere. */
  public Optional<MeterRegistry> meters() {
    return Optional.ofNullable(meters);
  }

  /** The deadline of a task that names none, for agents whose options set no timeout ({@code WORKER_TIMEOUT}). */
  public Duration workerTimeout() {
    return workerTimeout;
  }

  /** Builds an {@link AgentContext}; every setter is optional. */
  public static final class Builder {
    private @Nullable InferenceEngine engine;
    private @Nullable Memory memory;
    private SwarmEventListener events = SwarmEventListener.NONE;
    private ExecutorPool pool = ExecutorPool.shared();
    private Clock clock = Clock.systemUTC();
    private Scheduler scheduler = Scheduler.system();
    private AgentRegistry registry = new AgentRegistry();
    private @Nullable MeterRegistry meters;
    private Duration workerTimeout = SwarmConfig.defaults().workerTimeout();

    private Builder() {}

    /** Sets the engine that answers {@code infer} (default: none; {@code infer} then fails). */
    public Builder inferenceEngine(@Nullable InferenceEngine engine) {
      this.engine = engine;
      return this;
    }

    /** Sets shared memory (default: none). */
    public Builder memory(@Nullable Memory memory) {
      this.memory = memory;
      return this;
    }

    /** Sets where events go (default: dropped). */
    public Builder events(SwarmEventListener events) {
      this.events = Objects.requireNonNull(events, "events must not be null");
      return this;
    }

    /** Sets the pool tasks run on (default: {@link ExecutorPool#shared()}). */
    public Builder pool(ExecutorPool pool) {
      this.pool = Objects.requireNonNull(pool, "pool must not be null");
      return this;
    }

    /** Sets the clock (default: system UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock must not be null");
      return this;
    }

    /** Sets the deadline scheduler (default: {@link Scheduler#system()}). */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler must not be null");
      return this;
    }

    /** Sets the registry of reachable agents (default: an empty one). */
    public Builder registry(AgentRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry must not be null");
      return this;
    }

    /** Sets where task metrics are recorded (default: nowhere). */
    public Builder meters(@Nullable MeterRegistry meters) {
      this.meters = meters;
      return this;
    }

    /** Sets the default task deadline ({@code WORKER_TIMEOUT}; default 300 seconds). */
    public Builder workerTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "workerTimeout must not be null");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("WORKER_TIMEOUT must be > 0 but was " + timeout);
      }
      this.workerTimeout = timeout;
      return this;
    }

    /** Builds the context. */
    public AgentContext build() {
      return new AgentContext(this);
    }
  }
}
