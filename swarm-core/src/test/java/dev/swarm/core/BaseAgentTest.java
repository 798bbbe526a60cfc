package dev.swarm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.swarm.api.AgentCard;
import dev.swarm.api.AgentRole;
import dev.swarm.api.Priority;
import dev.swarm.api.SwarmException;
import dev.swarm.api.Task;
import dev.swarm.api.TaskHandle;
import dev.swarm.api.TaskResult;
import dev.swarm.api.TaskStatus;
import dev.swarm.api.TaskUpdate;
import dev.swarm.api.event.SwarmEvent;
import dev.swarm.api.inference.InferenceRequest;
import dev.swarm.api.inference.RoutingHint;
import dev.swarm.api.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class BaseAgentTest {
  private final MutableClock clock = new MutableClock();
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final ExecutorPool pool = ExecutorPool.builder().name("test").cpuWorkers(2).ioConcurrency(64).build();
  private final List<SwarmEvent> events = new CopyOnWriteArrayList<>();
  private final AgentRegistry registry = new AgentRegistry();

  @AfterEach
  void closePool() {
    pool.shutdown(Duration.ofSeconds(5));
  }

  private AgentContext context(ScriptedEngine engine) {
    return AgentContext.builder().inferenceEngine(engine).events(events::add).pool(pool).clock(clock)
        .scheduler(scheduler).registry(registry).build();
  }

  private <A extends BaseAgent> A started(A agent) {
    registry.register(agent);
    agent.start(context(ScriptedEngine.replies("ok")));
    return agent;
  }

  private static TaskResult outcome(TaskHandle handle) throws Exception {
    return handle.result().get(10, TimeUnit.SECONDS);
  }

  @Test
  void start_twice_initializesOnce() {
    AtomicInteger inits = new AtomicInteger();
    BaseAgent agent = new BaseAgent(AgentCard.of("a", AgentRole.WORKER, "s"), AgentOptions.defaults()) {
      @Override
      protected void initialize() {
        inits.incrementAndGet();
      }

      @Override
      protected TaskResult process(Task task) {
        return TaskResult.completed(task.id(), "x");
      }
    };
    agent.start(context(ScriptedEngine.replies("ok")));
    agent.start(context(ScriptedEngine.replies("ok")));
    assertThat(inits).hasValue(1);
    assertThat(agent.isRunning()).isTrue();
  }

  @Test
  void stop_twice_cleansUpOnceAndRefusesWork() {
    AtomicInteger cleanups = new AtomicInteger();
    BaseAgent agent = new BaseAgent(AgentCard.of("a", AgentRole.WORKER, "s"), AgentOptions.defaults()) {
      @Override
      protected void cleanup() {
        cleanups.incrementAndGet();
      }

      @Override
      protected TaskResult process(Task task) {
        return TaskResult.completed(task.id(), "x");
      }
    };
    agent.start(context(ScriptedEngine.replies("ok")));
    agent.stop();
    agent.stop();
    assertThat(cleanups).hasValue(1);
    assertThatThrownBy(() -> agent.submit(Task.of("late")))
        .isInstanceOf(SwarmException.Permanent.class)
        .hasMessageContaining("'a' is stopped");
    assertThatThrownBy(() -> agent.start(context(ScriptedEngine.replies("ok"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot start again");
  }

  @Test
  void submit_beforeStart_throwsSayingHowToStart() {
    BaseAgent agent = Agents.echo("a", "s");
    assertThatThrownBy(() -> agent.submit(Task.of("early")))
        .isInstanceOf(SwarmException.Permanent.class)
        .hasMessageContaining("not started");
  }

  @Test
  void submit_taskWithForeignSkill_isRefused() {
    BaseAgent agent = started(Agents.echo("a", "summarise"));
    assertThatThrownBy(() -> agent.submit(Task.builder("x").skill("translate").build()))
        .isInstanceOf(SwarmException.Permanent.class)
        .hasMessageContaining("no skill 'translate'");
  }

  @Test
  void submit_quickTask_publishesEventsAndCountsStats() throws Exception {
    BaseAgent agent = started(Agents.answering("a", "s", AgentOptions.defaults(), t -> {
      clock.advance(Duration.ofMillis(250));
      return "done";
    }));
    Task task = Task.of("work");
    TaskResult result = outcome(agent.submit(task));
    assertThat(result.status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(result.latency()).isEqualTo(Duration.ofMillis(250));
    assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("Submitted", "Started", "Completed");
    assertThat(events).allSatisfy(e -> assertThat(e.correlationId()).isEqualTo(task.correlationId()));
    AgentStats stats = agent.stats();
    assertThat(stats.completed()).isEqualTo(1);
    assertThat(stats.meanLatency()).isEqualTo(Duration.ofMillis(250));
    assertThat(agent.currentLoad()).isZero();
  }

  @Test
  void submit_overLimitWithQueue_queuesAndRunsByPriority() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<String> order = new CopyOnWriteArrayList<>();
    BaseAgent agent = started(new BaseAgent(AgentCard.of("a", AgentRole.WORKER, "s"),
        AgentOptions.defaults().withMaxConcurrent(1).withQueueCapacity(2)) {
      @Override
      protected TaskResult process(Task task) throws InterruptedException {
        order.add(task.input());
        if (task.input().equals("first")) {
          started.countDown();
          release.await();
        }
        return TaskResult.completed(task.id(), task.input());
      }
    });
    TaskHandle first = agent.submit(Task.of("first"));
    started.await();
    TaskHandle low = agent.submit(Task.builder("low").priority(Priority.LOW).build());
    TaskHandle high = agent.submit(Task.builder("high").priority(Priority.HIGH).build());
    assertThat(agent.currentLoad()).isEqualTo(1);
    assertThat(agent.activeTasks()).hasSize(3);
    release.countDown();
    outcome(first);
    outcome(low);
    outcome(high);
    assertThat(order).containsExactly("first", "high", "low");
  }

  @Test
  void submit_overLimitWithoutQueue_isRejectedAsRetriable() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    BaseAgent agent = started(Agents.blocking("a", "s", AgentOptions.defaults().withMaxConcurrent(1).withQueueCapacity(0),
        started, release, new CountDownLatch(1)));
    TaskHandle running = agent.submit(Task.of("one"));
    started.await();
    List<TaskStatus> statuses = new CopyOnWriteArrayList<>();
    assertThatThrownBy(() -> agent.submit(Task.of("two"), u -> statuses.add(((TaskUpdate.StatusChanged) u).status())))
        .isInstanceOf(SwarmException.Retriable.class)
        .hasMessageContaining("limit of 1");
    assertThat(statuses).containsExactly(TaskStatus.SUBMITTED, TaskStatus.REJECTED);
    assertThat(agent.stats().rejected()).isEqualTo(1);
    assertThat(agent.activeTasks()).hasSize(1);
    release.countDown();
    assertThat(outcome(running).isCompleted()).isTrue();
  }

  @Test
  void deadline_passes_failsTaskAndInterruptsWork() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    BaseAgent agent = started(Agents.blocking("a", "s", AgentOptions.defaults().withTimeout(Duration.ofSeconds(30)),
        started, new CountDownLatch(1), interrupted));
    TaskHandle handle = agent.submit(Task.of("slow"));
    started.await();
    scheduler.advance(Duration.ofSeconds(29));
    assertThat(handle.result()).isNotDone();
    scheduler.advance(Duration.ofSeconds(1));
    TaskResult result = outcome(handle);
    assertThat(result.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(result.error()).contains("missed its deadline");
    assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(agent.stats().failed()).isEqualTo(1);
  }

  @Test
  void submit_deadlineAlreadyPast_failsWithoutRunning() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    BaseAgent agent = started(Agents.answering("a", "s", AgentOptions.defaults(), t -> {
      runs.incrementAndGet();
      return "x";
    }));
    TaskResult result = outcome(agent.submit(Task.builder("late").deadline(clock.instant().minusSeconds(1)).build()));
    assertThat(result.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(runs).hasValue(0);
  }

  @Test
  void cancel_parentTask_interruptsItAndReachesItsSubtasks() throws Exception {
    CountDownLatch childStarted = new CountDownLatch(1);
    CountDownLatch childInterrupted = new CountDownLatch(1);
    BaseAgent child = started(Agents.blocking("child", "leaf", AgentOptions.defaults(), childStarted,
        new CountDownLatch(1), childInterrupted));
    List<TaskHandle> subtasks = new CopyOnWriteArrayList<>();
    BaseAgent parent = started(new BaseAgent(AgentCard.of("parent", AgentRole.ORCHESTRATOR, "root"), AgentOptions.defaults()) {
      @Override
      protected TaskResult process(Task task) throws Exception {
        TaskHandle sub = send("child", task.subtask("leaf work").skill("leaf").build());
        subtasks.add(sub);
        return sub.result().get();
      }
    });
    TaskHandle handle = parent.submit(Task.of("root work"));
    childStarted.await();
    await().atMost(Duration.ofSeconds(10)).until(() -> !subtasks.isEmpty());
    handle.cancel();
    assertThat(outcome(handle).status()).isEqualTo(TaskStatus.CANCELED);
    assertThat(outcome(subtasks.getFirst()).status()).isEqualTo(TaskStatus.CANCELED);
    assertThat(childInterrupted.await(10, TimeUnit.SECONDS)).isTrue();
    await().atMost(Duration.ofSeconds(10)).until(() -> child.currentLoad() == 0 && parent.currentLoad() == 0);
    assertThat(child.stats().canceled()).isEqualTo(1);
  }

  @Test
  void cancel_queuedTask_endsCanceledWithoutRunning() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    BaseAgent agent = started(Agents.blocking("a", "s", AgentOptions.defaults().withMaxConcurrent(1), started, release,
        new CountDownLatch(1)));
    TaskHandle running = agent.submit(Task.of("one"));
    started.await();
    TaskHandle queued = agent.submit(Task.of("two"));
    queued.cancel();
    assertThat(outcome(queued).status()).isEqualTo(TaskStatus.CANCELED);
    assertThat(outcome(queued).latency()).isZero();
    release.countDown();
    assertThat(outcome(running).isCompleted()).isTrue();
    assertThat(agent.activeTasks()).isEmpty();
  }

  @Test
  void process_throwing_becomesFailedResult() throws Exception {
    BaseAgent agent = started(Agents.answering("a", "s", AgentOptions.defaults(), t -> {
      throw new IllegalStateException("broken input");
    }));
    TaskResult result = outcome(agent.submit(Task.of("x")));
    assertThat(result.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(result.error()).isEqualTo("IllegalStateException: broken input");
    assertThat(result.metadata()).doesNotContainKey(TaskResult.RETRIABLE);
  }

  @Test
  void process_throwingRetriable_marksResultRetriable() throws Exception {
    BaseAgent agent = started(Agents.answering("a", "s", AgentOptions.defaults(), t -> {
      throw new SwarmException.Retriable("model timed out");
    }));
    TaskResult result = outcome(agent.submit(Task.of("x")));
    assertThat(result.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(result.metadata()).containsEntry(TaskResult.RETRIABLE, "true");
  }

  @Test
  void infer_sendsMasterPromptHintAndCorrelationId_andChargesTheTask() throws Exception {
    ScriptedEngine engine = ScriptedEngine.answering(r -> "answer", 0.25);
    BaseAgent agent = new BaseAgent(AgentCard.of("a", AgentRole.WORKER, "s"),
        AgentOptions.defaults().withMasterPrompt("Always answer in French.")) {
      @Override
      protected TaskResult process(Task task) {
        String big = infer(task.input(), RoutingHint.FORCE_LARGE).content();
        String small = infer(InferenceRequest.builder("again").systemPrompt("Be brief.").hint(RoutingHint.FORCE_SMALL).build())
            .content();
        return TaskResult.completed(task.id(), big + small);
      }
    };
    agent.start(context(engine));
    Task task = Task.of("question");
    TaskResult result = outcome(agent.submit(task));
    assertThat(result.costUsd()).isEqualTo(0.5);
    assertThat(agent.stats().costUsd()).isEqualTo(0.5);
    assertThat(engine.requests).hasSize(2);
    InferenceRequest first = engine.requests.get(0);
    assertThat(first.systemPrompt()).isEqualTo("Always answer in French.");
    assertThat(first.hint()).isEqualTo(RoutingHint.FORCE_LARGE);
    assertThat(first.correlationId()).isEqualTo(task.correlationId());
    assertThat(first.namespace()).isEqualTo(task.contextId().value());
    InferenceRequest second = engine.requests.get(1);
    assertThat(second.systemPrompt()).isEqualTo("Always answer in French.\n\nBe brief.");
    assertThat(second.hint()).isEqualTo(RoutingHint.FORCE_SMALL);
  }

  @Test
  void infer_withoutEngine_failsTheTaskSayingWhatToConfigure() throws Exception {
    BaseAgent agent = new BaseAgent(AgentCard.of("a", AgentRole.WORKER, "s"), AgentOptions.defaults()) {
      @Override
      protected TaskResult process(Task task) {
        return TaskResult.completed(task.id(), infer("q").content());
      }
    };
    agent.start(AgentContext.builder().pool(pool).clock(clock).scheduler(scheduler).build());
    TaskResult result = outcome(agent.submit(Task.of("x")));
    assertThat(result.error()).contains("no inference engine");
  }

  @Test
  void process_correlationId_reachesVirtualAndPlatformThreads() throws Exception {
    BaseAgent agent = started(new BaseAgent(AgentCard.of("a", AgentRole.WORKER, "s"), AgentOptions.defaults()) {
      @Override
      protected TaskResult process(Task task) {
        String here = MDC.get("correlationId") + "/" + MDC.get("agentId") + "/" + MDC.get("taskId");
        String cpu = pool().runCpu(() -> MDC.get("correlationId") + "|" + Thread.currentThread().isVirtual()).join();
        String io = pool().runIo(() -> MDC.get("correlationId") + "|" + Thread.currentThread().isVirtual()).join();
        return TaskResult.completed(task.id(), String.join(" ", here, cpu, io));
      }
    });
    Task task = Task.builder("x").correlationId("corr-7").build();
    TaskResult result = outcome(agent.submit(task));
    assertThat(result.output()).isEqualTo("corr-7/a/" + task.id() + " corr-7|false corr-7|true");
  }

  @Test
  void submit_sameTaskIdTwiceWhileRunning_isRefused() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    BaseAgent agent = started(Agents.blocking("a", "s", AgentOptions.defaults(), started, release, new CountDownLatch(1)));
    Task task = Task.of("x");
    TaskHandle handle = agent.submit(task);
    assertThatThrownBy(() -> agent.submit(task)).hasMessageContaining("already working on task " + task.id());
    release.countDown();
    assertThat(outcome(handle).isCompleted()).isTrue();
  }

  @Test
  void stop_withRunningTask_cancelsIt() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    BaseAgent agent = started(Agents.blocking("a", "s", AgentOptions.defaults(), started, new CountDownLatch(1), interrupted));
    TaskHandle handle = agent.submit(Task.of("x"));
    started.await();
    agent.stop();
    assertThat(outcome(handle).status()).isEqualTo(TaskStatus.CANCELED);
    assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(events).filteredOn(e -> e instanceof SwarmEvent.Canceled).hasSize(1);
  }

  @Test
  void options_badValues_areRejectedNamingTheSetting() {
    assertThatThrownBy(() -> AgentOptions.defaults().withMaxConcurrent(0)).hasMessageContaining("maxConcurrent must be > 0 but was 0");
    assertThatThrownBy(() -> AgentOptions.defaults().withQueueCapacity(-1)).hasMessageContaining("queueCapacity must be >= 0 but was -1");
    assertThatThrownBy(() -> AgentOptions.defaults().withTimeout(Duration.ZERO)).hasMessageContaining("timeout");
    assertThatThrownBy(() -> AgentOptions.defaults().withMasterPrompt(" ")).hasMessageContaining("masterPrompt");
    assertThat(Map.of("k", AgentOptions.defaults().withMasterPrompt("m").masterPrompt())).containsEntry("k", "m");
  }
}
