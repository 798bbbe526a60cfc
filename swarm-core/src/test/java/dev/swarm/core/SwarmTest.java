package dev.swarm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarm.api.Agent;
import dev.swarm.api.AgentCard;
import dev.swarm.api.AgentRole;
import dev.swarm.api.ContextId;
import dev.swarm.api.SwarmException;
import dev.swarm.api.Task;
import dev.swarm.api.TaskHandle;
import dev.swarm.api.TaskId;
import dev.swarm.api.TaskResult;
import dev.swarm.api.TaskStatus;
import dev.swarm.api.TaskUpdate;
import dev.swarm.api.TaskUpdateListener;
import dev.swarm.api.eval.Verdict;
import dev.swarm.api.event.SwarmEvent;
import dev.swarm.api.memory.Memory;
import dev.swarm.api.memory.MemoryEntry;
import dev.swarm.api.memory.MemoryHit;
import dev.swarm.api.store.TaskRecord;
import dev.swarm.api.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SwarmTest {
  private final MutableClock clock = new MutableClock();
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final ExecutorPool pool = ExecutorPool.builder().name("swarm").cpuWorkers(1).ioConcurrency(64).build();
  private final EventBus bus = EventBus.of(Runnable::run);
  private final List<SwarmEvent> events = new CopyOnWriteArrayList<>();
  private final List<Swarm> swarms = new ArrayList<>();

  SwarmTest() {
    bus.subscribe(events::add, 10_000, EventBus.Overflow.DROP_NEWEST);
  }

  @AfterEach
  void tearDown() {
    swarms.forEach(Swarm::close);
    pool.shutdown(Duration.ofSeconds(5));
  }

  private Swarm.Builder builder() {
    return Swarm.builder().pool(pool).eventBus(bus).clock(clock).scheduler(scheduler);
  }

  private Swarm build(Swarm.Builder b) {
    Swarm s = b.build();
    swarms.add(s);
    return s;
  }

  private static TaskResult outcome(TaskHandle handle) throws Exception {
    return handle.result().get(10, TimeUnit.SECONDS);
  }

  /** A remote-like agent whose behaviour the test scripts. */
  private static final class FakeRemote implements Agent {
    private final AgentCard card;
    private final int load;
    private final java.util.function.Function<Task, TaskHandle> onSubmit;
    final AtomicInteger submissions = new AtomicInteger();

    FakeRemote(String id, String skill, int load, java.util.function.Function<Task, TaskHandle> onSubmit) {
      this.card = AgentCard.of(id, AgentRole.WORKER, skill);
      this.load = load;
      this.onSubmit = onSubmit;
    }

    @Override
    public AgentCard card() {
      return card;
    }

    @Override
    public TaskHandle submit(Task task, TaskUpdateListener listener) {
      submissions.incrementAndGet();
      return onSubmit.apply(task);
    }

    @Override
    public int currentLoad() {
      return load;
    }

    @Override
    public int maxLoad() {
      return 10;
    }
  }

  private static TaskHandle handle(TaskId id, CompletableFuture<TaskResult> result) {
    return new TaskHandle() {
      @Override
      public TaskId taskId() {
        return id;
      }

      @Override
      public CompletableFuture<TaskResult> result() {
        return result;
      }

      @Override
      public void cancel() {
        result.complete(TaskResult.canceled(id));
      }
    };
  }

  @Test
  void submit_withSkill_goesToTheLeastLoadedCapableAgent() throws Exception {
    FakeRemote busy = new FakeRemote("busy", "sum", 9, t -> handle(t.id(), CompletableFuture.completedFuture(
        TaskResult.completed(t.id(), "busy"))));
    FakeRemote idle = new FakeRemote("idle", "sum", 1, t -> handle(t.id(), CompletableFuture.completedFuture(
        TaskResult.completed(t.id(), "idle"))));
    Swarm swarm = build(builder().agent(busy).agent(idle).agent(Agents.echo("other", "translate")));
    assertThat(outcome(swarm.submit(Task.builder("x").skill("sum").build())).output()).isEqualTo("idle");
    assertThat(busy.submissions).hasValue(0);
  }

  @Test
  void submit_withUnknownSkill_failsClearlyAndRecordsRejection() {
    Swarm swarm = build(builder().agent(Agents.echo("w", "sum")));
    Task task = Task.builder("x").skill("translate").build();
    assertThatThrownBy(() -> swarm.submit(task))
        .isInstanceOf(SwarmException.Permanent.class)
        .hasMessageContaining("no registered agent has skill 'translate'");
    assertThat(swarm.taskStore().find(task.id())).map(TaskRecord::status).contains(TaskStatus.REJECTED);
  }

  @Test
  void submit_agentFailsRetriably_isRedispatchedToAnother() throws Exception {
    FakeRemote flaky = new FakeRemote("flaky", "sum", 0, t -> handle(t.id(), CompletableFuture.completedFuture(
        BaseAgent.retriable(t.id(), "peer unreachable"))));
    FakeRemote steady = new FakeRemote("steady", "sum", 5, t -> handle(t.id(), CompletableFuture.completedFuture(
        TaskResult.completed(t.id(), "steady answer"))));
    Swarm swarm = build(builder().agent(flaky).agent(steady));
    TaskResult result = outcome(swarm.submit(Task.builder("x").skill("sum").build()));
    assertThat(result.output()).isEqualTo("steady answer");
    assertThat(flaky.submissions).hasValue(1);
  }

  @Test
  void submit_agentFailsPermanently_isNotRetried() throws Exception {
    FakeRemote failing = new FakeRemote("failing", "sum", 0, t -> handle(t.id(), CompletableFuture.completedFuture(
        TaskResult.failed(t.id(), "bad input"))));
    FakeRemote other = new FakeRemote("other", "sum", 5, t -> handle(t.id(), CompletableFuture.completedFuture(
        TaskResult.completed(t.id(), "never"))));
    Swarm swarm = build(builder().agent(failing).agent(other));
    TaskResult result = outcome(swarm.submit(Task.builder("x").skill("sum").build()));
    assertThat(result.error()).isEqualTo("bad input");
    assertThat(other.submissions).hasValue(0);
  }

  @Test
  void submit_agentThrowsFromSubmit_triesTheNext() throws Exception {
    FakeRemote broken = new FakeRemote("broken", "sum", 0, t -> {
      throw new IllegalStateException("connection refused");
    });
    Swarm swarm = build(builder().agent(broken).agent(Agents.echo("local", "sum")));
    TaskResult result = outcome(swarm.submit(Task.builder("hello").skill("sum").build()));
    assertThat(result.output()).isEqualTo("echo: hello");
  }

  @Test
  void submit_everyAgentRefuses_throwsListingTheRefusals() {
    FakeRemote broken = new FakeRemote("broken", "sum", 0, t -> {
      throw new SwarmException.Retriable("overloaded");
    });
    Swarm swarm = build(builder().agent(broken));
    assertThatThrownBy(() -> swarm.submit(Task.builder("x").skill("sum").build()))
        .isInstanceOf(SwarmException.Retriable.class)
        .hasMessageContaining("broken: overloaded");
  }

  @Test
  void submit_remoteNeverAnswers_failsAtTheDeadline() throws Exception {
    FakeRemote hung = new FakeRemote("hung", "sum", 0, t -> handle(t.id(), new CompletableFuture<>()));
    Swarm swarm = build(builder().agent(hung));
    TaskHandle handle = swarm.submit(Task.builder("x").skill("sum").deadline(clock.instant().plusSeconds(60)).build());
    scheduler.advance(Duration.ofSeconds(59));
    assertThat(handle.result()).isNotDone();
    scheduler.advance(Duration.ofSeconds(1));
    TaskResult result = outcome(handle);
    assertThat(result.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(result.error()).contains("gave no result").contains("hung");
  }

  @Test
  void submit_recordsTheTaskInTheStoreThroughItsLife() throws Exception {
    Swarm swarm = build(builder().agent(Agents.echo("w", "sum")));
    List<TaskStatus> statuses = new CopyOnWriteArrayList<>();
    Task task = Task.builder("x").skill("sum").build();
    TaskResult result = outcome(swarm.submit(task, u -> {
      if (u instanceof TaskUpdate.StatusChanged s) {
        statuses.add(s.status());
      }
    }));
    TaskRecord record = swarm.taskStore().find(task.id()).orElseThrow();
    assertThat(record.status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(record.result()).isEqualTo(result);
    assertThat(statuses).containsExactly(TaskStatus.SUBMITTED, TaskStatus.WORKING, TaskStatus.COMPLETED);
  }

  @Test
  void submit_withEvaluator_revisesUntilItPassesAndReportsTheEvaluation() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    BaseAgent writer = Agents.answering("writer", "write", AgentOptions.defaults(),
        t -> attempts.incrementAndGet() < 3 ? "draft" : "final with sources");
    Swarm swarm = build(builder().agent(writer).maxRounds(4)
        .evaluator((task, answer) -> answer.contains("sources") ? Verdict.passed() : Verdict.failed(0.2, "cite sources")));
    Task task = Task.builder("write it").skill("write").build();
    TaskResult result = outcome(swarm.submit(task));
    assertThat(result.output()).isEqualTo("final with sources");
    assertThat(result.metadata()).containsEntry("evaluation.pass", "true").containsEntry("evaluation.rounds", "3");
    assertThat(events).filteredOn(e -> e instanceof SwarmEvent.Evaluated).hasSize(3);
    assertThat(attempts).hasValue(3);
  }

  @Test
  void submit_toOrchestrator_plansRunsRemembersAndSynthesizes() throws Exception {
    ScriptedEngine engine = ScriptedEngine.answering(r -> {
      String purpose = r.metadata().getOrDefault("purpose", "");
      if (purpose.equals("plan")) {
        return """
            ```json
            {"steps":[{"id":"facts","input":"find facts","skill":"research","dependsOn":[]},
                      {"id":"sum","input":"summarise facts","skill":"summarise","dependsOn":["facts"]}]}
            ```""";
      }
      if (r.prompt().startsWith("Task: ")) {
        return "FINAL(" + r.prompt().contains("[sum] summary of") + ")";
      }
      return "unused";
    }, 0.01);
    RecordingMemory memory = new RecordingMemory();
    Orchestrator lead = Orchestrator.of("lead", Planner.llm(engine, List.of("research", "summarise")));
    Swarm swarm = build(builder().inferenceEngine(engine).memory(memory).agent(lead)
        .agent(Agents.echo("researcher", "research"))
        .agent(Agents.answering("summariser", "summarise", AgentOptions.defaults(), t -> "summary of " + t.input().length())));
    Task task = Task.of("Report on Q3");
    TaskResult result = outcome(swarm.submit(task));
    assertThat(result.status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(result.output()).isEqualTo("FINAL(true)");
    assertThat(result.costUsd()).isCloseTo(0.02, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(SwarmEvent.Planned.class,
        p -> assertThat(p.subtasks()).isEqualTo(2)));
    assertThat(memory.entries(task.contextId())).extracting(e -> e.metadata().get("kind") + ":" + e.metadata().get("step"))
        .containsExactly("task:null", "subtask-result:facts", "subtask-result:sum");
    assertThat(memory.entries(task.contextId()).getFirst().text()).isEqualTo("Report on Q3");
  }

  @Test
  void submit_taskWithoutDeadline_getsTheConfiguredWorkerTimeout() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    Swarm swarm = build(builder()
        .config(dev.swarm.api.SwarmConfig.from(Map.of("WORKER_TIMEOUT", "10")))
        .agent(Agents.blocking("w", "sum", AgentOptions.defaults(), started, new CountDownLatch(1), interrupted)));
    TaskHandle handle = swarm.submit(Task.builder("x").skill("sum").build());
    started.await();
    scheduler.advance(Duration.ofSeconds(9));
    assertThat(handle.result()).isNotDone();
    scheduler.advance(Duration.ofSeconds(1));
    assertThat(outcome(handle).error()).contains("missed its deadline after PT10S");
    assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void close_stopsLocalAgents() {
    BaseAgent worker = Agents.echo("w", "sum");
    Swarm swarm = build(builder().agent(worker));
    assertThat(worker.isRunning()).isTrue();
    swarm.close();
    assertThat(worker.isRunning()).isFalse();
  }

  @Test
  void register_duplicateId_isRefused() {
    Swarm swarm = build(builder().agent(Agents.echo("w", "sum")));
    assertThatThrownBy(() -> swarm.register(Agents.echo("w", "other")))
        .hasMessageContaining("agent id 'w' is already registered");
  }

  @Test
  void submit_manyTasks_spreadOverAgentsWithinTheirLimits() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<BaseAgent> workers = new ArrayList<>();
    Swarm.Builder b = builder();
    for (int i = 0; i < 3; i++) {
      BaseAgent w = Agents.blocking("w" + i, "sum", AgentOptions.defaults().withMaxConcurrent(2).withQueueCapacity(0),
          new CountDownLatch(0), release, new CountDownLatch(1));
      workers.add(w);
      b.agent(w);
    }
    Swarm swarm = build(b);
    List<TaskHandle> handles = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      handles.add(swarm.submit(Task.builder("t" + i).skill("sum").build()));
    }
    assertThat(workers).allSatisfy(w -> assertThat(w.currentLoad()).isEqualTo(2));
    release.countDown();
    for (TaskHandle h : handles) {
      assertThat(outcome(h).isCompleted()).isTrue();
    }
  }

  /** A tiny memory double: insertion order, word-overlap scores. */
  static final class RecordingMemory implements Memory {
    private final List<MemoryEntry> entries = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    @Override
    public MemoryEntry put(ContextId contextId, String text, Map<String, String> metadata) {
      MemoryEntry e = new MemoryEntry("m" + ids.incrementAndGet(), contextId, text, metadata);
      entries.add(e);
      return e;
    }

    @Override
    public List<MemoryHit> search(ContextId contextId, String query, int topK) {
      List<String> words = List.of(query.toLowerCase(java.util.Locale.ROOT).split("\\W+"));
      return entries(contextId).stream()
          .map(e -> {
            List<String> have = List.of(e.text().toLowerCase(java.util.Locale.ROOT).split("\\W+"));
            long common = words.stream().filter(have::contains).count();
            return new MemoryHit(e, words.isEmpty() ? 0 : (double) common / words.size());
          })
          .sorted((a, b) -> Double.compare(b.score(), a.score()))
          .limit(topK)
          .toList();
    }

    @Override
    public List<MemoryEntry> entries(ContextId contextId) {
      return entries.stream().filter(e -> e.contextId().equals(contextId)).toList();
    }

    @Override
    public void clear(ContextId contextId) {
      entries.removeIf(e -> e.contextId().equals(contextId));
    }
  }
}
