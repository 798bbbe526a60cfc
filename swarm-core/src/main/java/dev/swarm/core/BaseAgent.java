package dev.swarm.core;

import dev.swarm.api.Agent;
import dev.swarm.api.AgentCard;
import dev.swarm.api.SwarmException;
import dev.swarm.api.Task;
import dev.swarm.api.TaskHandle;
import dev.swarm.api.TaskId;
import dev.swarm.api.TaskResult;
import dev.swarm.api.TaskStatus;
import dev.swarm.api.TaskUpdateListener;
import dev.swarm.api.event.SwarmEvent;
import dev.swarm.api.inference.InferenceEngine;
import dev.swarm.api.inference.InferenceRequest;
import dev.swarm.api.inference.InferenceResult;
import dev.swarm.api.inference.RoutingHint;
import dev.swarm.api.memory.Memory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The base of every local agent. Subclasses implement {@link #process(Task)}; the final {@link
 * #submit} around it does the bookkeeping: it validates the task, holds the agent to its
 * concurrency limit (queueing or refusing past it), applies the deadline, carries the correlation
 * id in the SLF4J MDC into every thread the task touches, publishes events, records statistics
 * and metrics, and turns exceptions into failed results.
 *
 * <pre>{@code
 * final class Summariser extends BaseAgent {
 *   Summariser() {
 *     super(AgentCard.of("summariser", AgentRole.WORKER, "summarise"),
 *         AgentOptions.defaults().withMasterPrompt("Summarise in three bullet points."));
 *   }
 *
 *   @Override
 *   protected TaskResult process(Task task) {
 *     return TaskResult.completed(task.id(), infer(task.input()).content());
 *   }
 * }
 * }</pre>
 *
 * <p>Lifecycle: new, then running after {@link #start(AgentContext)} (a {@link Swarm} starts the
 * agents it holds), then stopped after {@link #stop()}. Both are idempotent; a stopped agent
 * refuses tasks and cannot be started again. {@code process} runs on a virtual thread of the
 * context's {@link ExecutorPool}, possibly for many tasks at once.
 */
public abstract class BaseAgent implements Agent {
  private static final Logger LOG = LoggerFactory.getLogger(BaseAgent.class);

  private enum State { NEW, RUNNING, STOPPED }

  private final AgentCard card;
  private final AgentOptions options;
  // A ReentrantLock, not a monitor: thousands of virtual threads finish here at once, and a
  // contended monitor hands each waiter through the JDK's single unblocker thread.
  private final ReentrantLock lock = new ReentrantLock();
  private final PriorityQueue<Run> waiting =
      new PriorityQueue<>(Comparator.comparing((Run r) -> r.task().priority()).reversed().thenComparingLong(Run::sequence));
  private final Map<TaskId, Run> runs = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();
  private final LongAdder completed = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder canceled = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final LongAdder latencyNanos = new LongAdder();
  private final DoubleAdder cost = new DoubleAdder();
  private volatile State state = State.NEW;
  private volatile int running;
  private volatile @Nullable AgentContext context;
  private volatile @Nullable Dispatcher dispatcher;

  /**
   * An agent with this card and these options.
   *
   * @param card who the agent is and what it can do
   * @param options its master prompt, concurrency limit, queue and default timeout
   */
  protected BaseAgent(AgentCard card, AgentOptions options) {
    this.card = Objects.requireNonNull(card, "card must not be null");
    this.options = Objects.requireNonNull(options, "options must not be null");
  }

  /** The agent's card. */
  @Override
  public final AgentCard card() {
    return card;
  }

  /** The options the agent runs with. */
  public final AgentOptions options() {
    return options;
  }

  /**
   * Starts the agent with {@code context} and runs {@link #initialize()}. Starting a running agent
   * again does nothing.
   *
   * @throws IllegalStateException if the agent was stopped
   */
  public final void start(AgentContext context) {
    Objects.requireNonNull(context, "context must not be null");
    lock.lock();
    try {
      if (state == State.RUNNING) {
        return;
      }
      if (state == State.STOPPED) {
        throw new IllegalStateException("agent '" + id() + "' was stopped and cannot start again; create a new instance");
      }
      this.context = context;
      this.dispatcher = new Dispatcher(context.registry(), context.clock(), context.scheduler(), timeout(context));
      initialize();
      state = State.RUNNING;
    } finally {
      lock.unlock();
    }
    LOG.debug("Agent {} started", id());
  }

  /**
   * Stops the agent: refuses new tasks, cancels the ones queued or running, then runs {@link
   * #cleanup()}. Stopping again does nothing.
   */
  public final void stop() {
    lock.lock();
    try {
      if (state == State.STOPPED) {
        return;
      }
      boolean wasRunning = state == State.RUNNING;
      state = State.STOPPED;
      if (!wasRunning) {
        return;
      }
    } finally {
      lock.unlock();
    }
    List.copyOf(runs.values()).forEach(Run::cancel);
    try {
      cleanup();
    } catch (RuntimeException e) {
      LOG.warn("Agent {} failed in cleanup(); resources it holds may leak. Make cleanup() not throw", id(), e);
    }
    LOG.debug("Agent {} stopped", id());
  }

  /** Whether the agent is started and not stopped. */
  public final boolean isRunning() {
    return state == State.RUNNING;
  }

  /**
   * Accepts {@code task}: starts it when the agent has a free slot, queues it (by priority, then
   * arrival) when its queue has room, and refuses it otherwise.
   *
   * @throws SwarmException.Permanent if the agent is not running or lacks the task's skill
   * @throws SwarmException.Retriable if the agent is at its limit and its queue is full
   */
  @Override
  public final TaskHandle submit(Task task, TaskUpdateListener listener) {
    Objects.requireNonNull(task, "task must not be null");
    Objects.requireNonNull(listener, "listener must not be null");
    AgentContext ctx = requireRunning();
    if (task.skill() != null && !card.hasSkill(task.skill())) {
      throw new SwarmException.Permanent("agent '" + id() + "' has no skill '" + task.skill() + "'; its skills are "
          + card.skills().stream().map(s -> s.id()).toList());
    }
    Instant now = ctx.clock().instant();
    Instant deadline = task.deadline() != null ? task.deadline() : now.plus(timeout(ctx));
    Run run = new Run(this, task, listener, deadline, sequence.incrementAndGet());
    // Announced before admission: once queued, another thread may start the run at any moment.
    ctx.events().onEvent(new SwarmEvent.Submitted(task.id(), id(), task.correlationId(), now));
    run.submitted(now);
    boolean startNow;
    try {
      startNow = admit(run);
    } catch (SwarmException refused) {
      run.rejected(refused.getMessage(), now);
      ctx.events().onEvent(new SwarmEvent.Failed(task.id(), id(), refused.getMessage(), task.correlationId(), now));
      throw refused;
    }
    Duration allowed = Duration.between(now, deadline);
    if (allowed.isNegative() || allowed.isZero()) {
      run.expire(Duration.ZERO);
      return run;
    }
    run.timer(ctx.scheduler().schedule(allowed, () -> run.expire(allowed)));
    if (startNow) {
      launch(run, ctx);
    }
    return run;
  }

  /** Takes a slot for {@code run} (true), queues it (false), or refuses it. */
  private boolean admit(Run run) {
    lock.lock();
    try {
      if (state != State.RUNNING) {
        throw stopped();
      }
      TaskId taskId = run.taskId();
      if (runs.putIfAbsent(taskId, run) != null) {
        throw new SwarmException.Permanent("agent '" + id() + "' is already working on task " + taskId
            + "; give each task a fresh id");
      }
      if (running < options.maxConcurrent()) {
        running++;
        run.hasSlot = true;
        return true;
      }
      if (waiting.size() < options.queueCapacity()) {
        waiting.add(run);
        return false;
      }
      runs.remove(taskId);
      rejected.increment();
      throw new SwarmException.Retriable("agent '" + id() + "' is running its limit of " + options.maxConcurrent()
          + " tasks with a full queue of " + options.queueCapacity() + "; retry later, add agents or raise its limits");
    } finally {
      lock.unlock();
    }
  }

  /** Tasks this agent is running now. */
  @Override
  public final int currentLoad() {
    return running;
  }

  /** The most tasks this agent runs at once. */
  @Override
  public final int maxLoad() {
    return options.maxConcurrent();
  }

  /** The ids of the tasks this agent has accepted and not yet finished, running or queued. */
  public final List<TaskId> activeTasks() {
    return List.copyOf(runs.keySet());
  }

  /** What this agent has done since it started. */
  public final AgentStats stats() {
    long done = completed.sum() + failed.sum() + canceled.sum();
    Duration mean = done == 0 ? Duration.ZERO : Duration.ofNanos(latencyNanos.sum() / done);
    return new AgentStats(completed.sum(), failed.sum(), canceled.sum(), rejected.sum(), mean, cost.sum());
  }

  /**
   * Works on one task and says how it ended. Called on a virtual thread with the task's
   * correlation id, task id and agent id in the MDC; may block (model calls, subtasks). A
   * business failure is best returned as {@link TaskResult#failed}; an exception thrown here
   * becomes a failed result too. Cancellation and deadlines interrupt the thread.
   *
   * @throws Exception anything; it fails the task
   */
  protected abstract TaskResult process(Task task) throws Exception;

  /** Runs once when the agent starts, before it takes a task; acquire resources here. */
  protected void initialize() {}

  /** Runs once when the agent stops, after its tasks were canceled; release resources here. */
  protected void cleanup() {}

  /** Asks the model {@code prompt}, letting the engine pick the tier. */
  protected final InferenceResult infer(String prompt) {
    return infer(InferenceRequest.of(prompt));
  }

  /** Asks the model {@code prompt} with a routing wish: force-large, force-small or auto. */
  protected final InferenceResult infer(String prompt, RoutingHint hint) {
    return infer(InferenceRequest.builder(prompt).hint(hint).build());
  }

  /**
   * Asks the model through the configured engine. The agent's master prompt goes first in the
   * system prompt; the running task's correlation id, and its context as the cache namespace, are
   * filled in when the request leaves them at their defaults. The call's cost is charged to the
   * running task.
   *
   * @throws IllegalStateException if no inference engine is configured
   */
  protected final InferenceResult infer(InferenceRequest request) {
    Objects.requireNonNull(request, "request must not be null");
    InferenceEngine engine = requireRunning().inferenceEngine().orElseThrow(() -> new IllegalStateException(
        "agent '" + id() + "' has no inference engine; pass one to Swarm.builder().inferenceEngine(...) or AgentContext"));
    Run run = Carried.currentRun();
    String correlationId = request.correlationId();
    String namespace = request.namespace();
    if (run != null) {
      if (correlationId.equals("none")) {
        correlationId = run.task().correlationId();
      }
      if (namespace.equals(InferenceRequest.DEFAULT_NAMESPACE)) {
        namespace = run.task().contextId().value();
      }
    }
    Map<String, String> metadata;
    if (request.metadata().isEmpty()) {
      metadata = Map.of("agentId", id());
    } else {
      metadata = new HashMap<>(request.metadata());
      metadata.put("agentId", id());
    }
    InferenceRequest call = new InferenceRequest(request.prompt(), systemPrompt(request.systemPrompt()),
        request.maxTokens(), request.temperature(), request.hint(), request.budget(), namespace, correlationId, metadata);
    InferenceResult answer = engine.infer(call);
    cost.add(answer.costUsd());
    if (run != null) {
      run.charge(answer.costUsd());
    }
    return answer;
  }

  private @Nullable String systemPrompt(@Nullable String requested) {
    String master = options.masterPrompt();
    if (master == null) {
      return requested;
    }
    return requested == null ? master : master + "\n\n" + requested;
  }

  /**
   * Shared memory for the swarm's context.
   *
   * @throws IllegalStateException if no memory is configured
   */
  protected final Memory memory() {
    return requireRunning().memory().orElseThrow(() -> new IllegalStateException(
        "agent '" + id() + "' has no memory; pass one to Swarm.builder().memory(...) or AgentContext"));
  }

  /** Shared memory if configured; for the stock orchestrator, which works without it. */
  final Optional<Memory> optionalMemory() {
    return requireRunning().memory();
  }

  /**
   * Sends {@code task} to the agent with {@code agentId}, local or remote. When called while
   * processing a task, the new task becomes its subtask: cancelling or failing the parent cancels
   * it.
   *
   * @throws SwarmException if no such agent is registered or it refuses the task
   */
  protected final TaskHandle send(String agentId, Task task) {
    Objects.requireNonNull(agentId, "agentId must not be null");
    return adopt(requireDispatcher().send(agentId, task, TaskUpdateListener.NONE));
  }

  /**
   * Sends {@code task} to the least-loaded agent with its skill, trying another when one refuses
   * it or fails in a way that may pass. Subtask rules as for {@link #send}.
   *
   * @throws SwarmException.Permanent if no registered agent has the skill
   */
  protected final TaskHandle dispatch(Task task) {
    return adopt(requireDispatcher().dispatch(task, TaskUpdateListener.NONE));
  }

  /**
   * Runs {@code plan} as subtasks of {@code parent} and waits for it: ready steps run in
   * parallel on the least-loaded capable agents, and a failed step fails or degrades its
   * dependents as {@code policy} says.
   *
   * @throws InterruptedException if the task is canceled or misses its deadline while waiting
   */
  protected final PlanResult execute(Plan plan, Task parent, FailurePolicy policy) throws InterruptedException {
    Dispatcher d = requireDispatcher();
    PlanRunner runner = new PlanRunner(plan, parent, policy, task -> adopt(d.dispatch(task, TaskUpdateListener.NONE)));
    try {
      return runner.start().get();
    } catch (InterruptedException e) {
      runner.cancel();
      throw e;
    } catch (ExecutionException | CancellationException e) {
      throw new SwarmException.Permanent("plan of task " + parent.id() + " ended abnormally: " + e.getMessage(), e);
    }
  }

  /** Streams a chunk of output of the running task to its listener (A2A artifact updates). */
  protected final void artifact(String name, String text, boolean lastChunk) {
    Run run = Carried.currentRun();
    if (run == null) {
      throw new IllegalStateException("artifact(...) is only meaningful inside process(task)");
    }
    run.artifact(name, text, false, lastChunk, now());
  }

  /** Publishes {@code event} to the swarm's event bus. */
  protected final void publish(SwarmEvent event) {
    requireRunning().events().onEvent(Objects.requireNonNull(event, "event must not be null"));
  }

  /** The pool this agent's tasks run on; hand CPU-heavy work to its CPU lane. */
  protected final ExecutorPool pool() {
    return requireRunning().pool();
  }

  /** The clock the agent measures deadlines and latency by. */
  protected final Clock clock() {
    return requireRunning().clock();
  }

  /** The agents this agent can reach. */
  protected final AgentRegistry registry() {
    return requireRunning().registry();
  }

  private Duration timeout(AgentContext ctx) {
    return options.timeout() != null ? options.timeout() : ctx.workerTimeout();
  }

  Instant now() {
    AgentContext ctx = context;
    return ctx == null ? Instant.now() : ctx.clock().instant();
  }

  private TaskHandle adopt(TaskHandle child) {
    Run parent = Carried.currentRun();
    if (parent != null) {
      parent.adopt(child);
    }
    return child;
  }

  private void launch(Run run, AgentContext ctx) {
    run.worker(ctx.pool().runIo(() -> {
      work(run, ctx);
      return null;
    }));
  }

  private void work(Run run, AgentContext ctx) {
    Task task = run.task();
    Carried previous = Carried.enter(run, id());
    try {
      Instant startedAt = ctx.clock().instant();
      if (!run.start(startedAt)) {
        return;
      }
      ctx.events().onEvent(new SwarmEvent.Started(task.id(), id(), task.correlationId(), startedAt));
      run.finish(outcome(task));
    } finally {
      previous.restore();
    }
  }

  private TaskResult outcome(Task task) {
    try {
      TaskResult result = process(task);
      if (result == null) {
        return TaskResult.failed(task.id(), "agent '" + id() + "' returned no result; process(task) must return one");
      }
      if (!result.taskId().equals(task.id())) {
        return TaskResult.failed(task.id(), "agent '" + id() + "' returned a result for task " + result.taskId()
            + " while processing " + task.id());
      }
      return result;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return TaskResult.failed(task.id(), "task " + task.id() + " was interrupted");
    } catch (SwarmException.Retriable e) {
      LOG.debug("Task {} failed in a way that may pass", task.id(), e);
      return retriable(task.id(), e.getMessage());
    } catch (Exception e) {
      LOG.debug("Task {} failed", task.id(), e);
      return TaskResult.failed(task.id(), e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  static TaskResult retriable(TaskId taskId, @Nullable String why) {
    return new TaskResult(taskId, TaskStatus.FAILED, "", why == null ? "failed" : why, Duration.ZERO, 0,
        Map.of(TaskResult.RETRIABLE, "true"));
  }

  /** Called once per run when it ends: frees its slot, counts it, and tells the event bus. */
  final void finished(Run run, TaskResult result) {
    Run next = null;
    lock.lock();
    try {
      runs.remove(run.taskId(), run);
      if (run.hasSlot) {
        next = waiting.poll();
        if (next != null) {
          next.hasSlot = true;
        } else {
          running--;
        }
      } else {
        waiting.remove(run);
      }
    } finally {
      lock.unlock();
    }
    record(run.task(), result);
    AgentContext ctx = context;
    if (next != null && ctx != null) {
      launch(next, ctx);
    }
  }

  private void record(Task task, TaskResult result) {
    AgentContext ctx = context;
    if (ctx == null) {
      return;
    }
    latencyNanos.add(result.latency().toNanos());
    Instant at = ctx.clock().instant();
    SwarmEvent event = switch (result.status()) {
      case COMPLETED -> {
        completed.increment();
        yield new SwarmEvent.Completed(task.id(), id(), result.latency(), result.costUsd(), task.correlationId(), at);
      }
      case CANCELED -> {
        canceled.increment();
        yield new SwarmEvent.Canceled(task.id(), id(), task.correlationId(), at);
      }
      default -> {
        failed.increment();
        yield new SwarmEvent.Failed(task.id(), id(), Objects.requireNonNullElse(result.error(), ""), task.correlationId(), at);
      }
    };
    ctx.events().onEvent(event);
    MeterRegistry meters = ctx.meters().orElse(null);
    if (meters != null) {
      Timer.builder("swarm.agent.tasks").tag("agent", id()).tag("status", result.status().name())
          .register(meters).record(result.latency());
    }
  }

  private AgentContext requireRunning() {
    AgentContext ctx = context;
    if (state != State.RUNNING || ctx == null) {
      throw stopped();
    }
    return ctx;
  }

  private Dispatcher requireDispatcher() {
    Dispatcher d = dispatcher;
    requireRunning();
    return Objects.requireNonNull(d, "dispatcher is set on start");
  }

  private SwarmException stopped() {
    return state == State.STOPPED
        ? new SwarmException.Permanent("agent '" + id() + "' is stopped; it takes no tasks after stop()")
        : new SwarmException.Permanent("agent '" + id() + "' is not started; register it in a Swarm or call start(context)");
  }
}
