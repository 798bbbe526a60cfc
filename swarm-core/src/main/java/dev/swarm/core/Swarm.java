package dev.swarm.core;

import dev.swarm.api.Agent;
import dev.swarm.api.AgentRole;
import dev.swarm.api.SwarmConfig;
import dev.swarm.api.Task;
import dev.swarm.api.TaskHandle;
import dev.swarm.api.TaskUpdateListener;
import dev.swarm.api.eval.Evaluator;
import dev.swarm.api.inference.InferenceEngine;
import dev.swarm.api.memory.Memory;
import dev.swarm.api.store.TaskStore;
import dev.swarm.core.eval.EvaluatorLoop;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * A running swarm: a registry of agents (local and remote alike), the pool their work runs on,
 * the event bus, a task store, and optionally an evaluator whose verdicts send answers back for
 * revision. Local {@link BaseAgent}s registered here are started with the swarm's engine, memory,
 * events, pool, clock and registry, and stopped when the swarm closes.
 *
 * <pre>{@code
 * try (Swarm swarm = Swarm.builder()
 *     .inferenceEngine(engine)
 *     .memory(memory)
 *     .agent(Orchestrator.of("lead", Planner.llm(engine, List.of("summarise"))))
 *     .agent(new Summariser())
 *     .evaluator(Evaluators.judge(engine, "Accurate and concise", 0.7))
 *     .build()) {
 *   TaskResult result = swarm.submit(Task.of("Summarise the Q3 report")).result().join();
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class Swarm implements AutoCloseable {
  private final AgentContext context;
  private final EventBus events;
  private final TaskStore store;
  private final Dispatcher dispatcher;
  private final @Nullable EvaluatorLoop loop;
  private final List<BaseAgent> started = new ArrayList<>();
  private final boolean ownsPool;
  private final boolean ownsEvents;

  private Swarm(Builder b) {
    this.ownsPool = b.pool == null;
    this.ownsEvents = b.events == null;
    this.events = b.events != null ? b.events : EventBus.of();
    ExecutorPool pool = b.pool != null ? b.pool : ExecutorPool.from(b.config);
    if (b.meters != null) {
      pool.bindTo(b.meters);
    }
    this.context = AgentContext.builder()
        .inferenceEngine(b.engine)
        .memory(b.memory)
        .events(events)
        .pool(pool)
        .clock(b.clock)
        .scheduler(b.scheduler)
        .registry(new AgentRegistry())
        .meters(b.meters)
        .workerTimeout(b.config.workerTimeout())
        .build();
    this.store = b.store != null ? b.store : new InMemoryTaskStore();
    this.dispatcher = new Dispatcher(context.registry(), b.clock, b.scheduler, b.config.workerTimeout());
    this.loop = b.evaluator == null ? null : EvaluatorLoop.of(b.evaluator, b.maxRounds).withEvents(events, b.clock);
    b.agents.forEach(this::register);
  }

  /** A builder with the defaults: {@link SwarmConfig#defaults()}, its own pool and event bus, the system clock. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Adds {@code agent} to the registry; a {@link BaseAgent} is started with this swarm's context.
   *
   * @throws IllegalArgumentException if an agent with the same id is registered
   */
  public void register(Agent agent) {
    context.registry().register(agent);
    if (agent instanceof BaseAgent local) {
      local.start(context);
      synchronized (started) {
        started.add(local);
      }
    }
  }

  /**
   * Submits {@code task}: a task without a skill goes to the least-loaded orchestrator (or, when
   * there is none, to a worker); a task with a skill goes to the least-loaded agent with it. With
   * an evaluator, a completed answer is judged and revised until it passes or the rounds run out;
   * the result's metadata then holds {@code evaluation.score}, {@code evaluation.pass} and {@code
   * evaluation.rounds}. The task's record is kept in the task store.
   *
   * @throws dev.swarm.api.SwarmException.Permanent if no registered agent can take the task
   */
  public TaskHandle submit(Task task, TaskUpdateListener listener) {
    Objects.requireNonNull(task, "task must not be null");
    Objects.requireNonNull(listener, "listener must not be null");
    return new Submission(task, listener, this).begin();
  }

  /** Submits {@code task} without listening to its updates. */
  public TaskHandle submit(Task task) {
    return submit(task, TaskUpdateListener.NONE);
  }

  /**
   * Runs {@code plan} as subtasks of {@code parent}; cancelling the returned future cancels the
   * running steps.
   */
  public CompletableFuture<PlanResult> execute(Plan plan, Task parent, FailurePolicy policy) {
    Objects.requireNonNull(plan, "plan must not be null");
    Objects.requireNonNull(parent, "parent must not be null");
    Objects.requireNonNull(policy, "policy must not be null");
    PlanRunner runner = new PlanRunner(plan, parent, policy, t -> dispatcher.dispatch(t, TaskUpdateListener.NONE));
    CompletableFuture<PlanResult> result = runner.start();
    CompletableFuture<PlanResult> view = result.copy();
    view.whenComplete((r, error) -> {
      if (view.isCancelled()) {
        runner.cancel();
      }
    });
    return view;
  }

  /** Where a submitted task goes first. */
  TaskHandle route(Task task, TaskUpdateListener listener) {
    if (task.skill() == null) {
      List<Agent> leads = context.registry().withRole(AgentRole.ORCHESTRATOR);
      if (!leads.isEmpty()) {
        Agent lead = leads.stream().min((a, b) -> Integer.compare(a.currentLoad(), b.currentLoad())).orElseThrow();
        return dispatcher.send(lead.id(), task, listener);
      }
    }
    return dispatcher.dispatch(task, listener);
  }

  @Nullable EvaluatorLoop loop() {
    return loop;
  }

  /** The agents of this swarm. */
  public AgentRegistry registry() {
    return context.registry();
  }

  /** The event bus every agent of this swarm publishes to. */
  public EventBus events() {
    return events;
  }

  /** Where submitted tasks are recorded. */
  public TaskStore taskStore() {
    return store;
  }

  /** The context local agents are started with. */
  public AgentContext context() {
    return context;
  }

  /** Stops the local agents, then closes the event bus and pool if the swarm made them. */
  @Override
  public void close() {
    List<BaseAgent> agents;
    synchronized (started) {
      agents = List.copyOf(started);
    }
    agents.forEach(BaseAgent::stop);
    if (ownsEvents) {
      events.close();
    }
    if (ownsPool) {
      context.pool().close();
    }
  }

  /** Builds a {@link Swarm}; every setter is optional, but a swarm without agents takes no tasks. */
  public static final class Builder {
    private SwarmConfig config = SwarmConfig.defaults();
    private @Nullable InferenceEngine engine;
    private @Nullable Memory memory;
    private @Nullable EventBus events;
    private @Nullable ExecutorPool pool;
    private Clock clock = Clock.systemUTC();
    private Scheduler scheduler = Scheduler.system();
    private @Nullable TaskStore store;
    private @Nullable MeterRegistry meters;
    private @Nullable Evaluator evaluator;
    private int maxRounds = 3;
    private final List<Agent> agents = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the settings the pool size ({@code MAX_PROCESS_WORKERS}, {@code MAX_THREAD_WORKERS}) and
     * the default task deadline ({@code WORKER_TIMEOUT}) come from (default: {@link SwarmConfig#defaults()}).
     */
    public Builder config(SwarmConfig config) {
      this.config = Objects.requireNonNull(config, "config must not be null");
      return this;
    }

    /** Sets the engine agents infer through. */
    public Builder inferenceEngine(InferenceEngine engine) {
      this.engine = Objects.requireNonNull(engine, "engine must not be null");
      return this;
    }

    /** Sets the shared memory. */
    public Builder memory(Memory memory) {
      this.memory = Objects.requireNonNull(memory, "memory must not be null");
      return this;
    }

    /** Sets the event bus (default: a new one, closed with the swarm). */
    public Builder eventBus(EventBus events) {
      this.events = Objects.requireNonNull(events, "events must not be null");
      return this;
    }

    /** Sets the pool (default: a new one sized by the config, shut down with the swarm). */
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

    /** Sets the task store (default: an {@link InMemoryTaskStore}). */
    public Builder taskStore(TaskStore store) {
      this.store = Objects.requireNonNull(store, "store must not be null");
      return this;
    }

    /** Sets where task and pool metrics go (default: nowhere). */
    public Builder meters(MeterRegistry meters) {
      this.meters = Objects.requireNonNull(meters, "meters must not be null");
      return this;
    }

    /** Adds an agent, local or remote. */
    public Builder agent(Agent agent) {
      agents.add(Objects.requireNonNull(agent, "agent must not be null"));
      return this;
    }

    /** Sets the evaluator that judges answers to submitted tasks (default: none). */
    public Builder evaluator(Evaluator evaluator) {
      this.evaluator = Objects.requireNonNull(evaluator, "evaluator must not be null");
      return this;
    }

    /** Sets the most evaluations per submitted task (default 3). */
    public Builder maxRounds(int rounds) {
      if (rounds < 1) {
        throw new IllegalArgumentException("maxRounds must be > 0 but was " + rounds);
      }
      this.maxRounds = rounds;
      return this;
    }

    /** Builds the swarm and starts its local agents. */
    public Swarm build() {
      return new Swarm(this);
    }
  }
}
