package dev.swarm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.swarm.api.Task;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PlanTest {
  private final ExecutorPool pool = ExecutorPool.builder().name("plan").cpuWorkers(1).ioConcurrency(64).build();
  private final List<String> started = new CopyOnWriteArrayList<>();
  private Swarm swarm;

  @AfterEach
  void tearDown() {
    if (swarm != null) {
      swarm.close();
    }
    pool.shutdown(Duration.ofSeconds(5));
  }

  private Swarm swarmWith(BaseAgent... agents) {
    Swarm.Builder b = Swarm.builder().pool(pool);
    for (BaseAgent a : agents) {
      b.agent(a);
    }
    swarm = b.build();
    return swarm;
  }

  private BaseAgent recording(String id, String skill) {
    return Agents.answering(id, skill, AgentOptions.defaults(), t -> {
      started.add(t.metadata().get("planStep"));
      if (t.input().startsWith("fail")) {
        throw new IllegalStateException("step broke");
      }
      return "out-" + t.metadata().get("planStep");
    });
  }

  @Test
  void plan_withCycle_isRejectedNamingTheCycle() {
    assertThatThrownBy(() -> Plan.of(
            PlanStep.of("a", "x", null, "c"),
            PlanStep.of("b", "x", null, "a"),
            PlanStep.of("c", "x", null, "b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dependency cycle: a -> c -> b -> a");
  }

  @Test
  void plan_withUnknownDependencyOrDuplicateOrSelfLoop_isRejected() {
    assertThatThrownBy(() -> Plan.of(PlanStep.of("a", "x", null, "ghost")))
        .hasMessageContaining("step 'a' depends on unknown step 'ghost'");
    assertThatThrownBy(() -> Plan.of(PlanStep.of("a", "x", null), PlanStep.of("a", "y", null)))
        .hasMessageContaining("'a' appears twice");
    assertThatThrownBy(() -> PlanStep.of("a", "x", null, "a")).hasMessageContaining("depends on itself");
    assertThatThrownBy(() -> new Plan(List.of())).hasMessageContaining("at least one step");
  }

  @Test
  void execute_diamond_runsDependentsAfterTheirDependenciesWithTheirOutputs() throws Exception {
    List<String> inputs = new CopyOnWriteArrayList<>();
    swarmWith(Agents.answering("w", "work", AgentOptions.defaults(), t -> {
      started.add(t.metadata().get("planStep"));
      inputs.add(t.input());
      return "out-" + t.metadata().get("planStep");
    }));
    Task parent = Task.of("root");
    Plan plan = Plan.of(
        PlanStep.of("d", "merge", "work", "b", "c"),
        PlanStep.of("b", "left", "work", "a"),
        PlanStep.of("c", "right", "work", "a"),
        PlanStep.of("a", "start", "work"));
    PlanResult result = swarm.execute(plan, parent, FailurePolicy.FAIL_DEPENDENTS).get(10, TimeUnit.SECONDS);
    assertThat(result.succeeded()).isTrue();
    assertThat(started.getFirst()).isEqualTo("a");
    assertThat(started.getLast()).isEqualTo("d");
    assertThat(started).hasSize(4);
    assertThat(inputs).anySatisfy(i -> assertThat(i).startsWith("merge").contains("[b] out-b").contains("[c] out-c"));
    assertThat(result.result("d").taskId().value()).isEqualTo(parent.id() + "/d");
    assertThat(result.aggregate()).startsWith("[d] out-d");
  }

  @Test
  void execute_independentSteps_runInParallel() throws Exception {
    CountDownLatch bothRunning = new CountDownLatch(2);
    swarmWith(Agents.answering("w", "work", AgentOptions.defaults(), t -> {
      bothRunning.countDown();
      try {
        // Each step waits for the other to start: only parallel execution gets past this.
        if (!bothRunning.await(10, TimeUnit.SECONDS)) {
          throw new IllegalStateException("steps did not run in parallel");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "ok";
    }));
    Plan plan = Plan.of(PlanStep.of("a", "x", "work"), PlanStep.of("b", "y", "work"));
    PlanResult result = swarm.execute(plan, Task.of("root"), FailurePolicy.FAIL_DEPENDENTS).get(20, TimeUnit.SECONDS);
    assertThat(result.succeeded()).isTrue();
  }

  @Test
  void execute_failedStepWithFailDependents_skipsItsDependents() throws Exception {
    swarmWith(recording("w", "work"));
    Plan plan = Plan.of(
        PlanStep.of("a", "fail here", "work"),
        PlanStep.of("b", "after a", "work", "a"),
        PlanStep.of("c", "after b", "work", "b"),
        PlanStep.of("x", "independent", "work"));
    PlanResult result = swarm.execute(plan, Task.of("root"), FailurePolicy.FAIL_DEPENDENTS).get(10, TimeUnit.SECONDS);
    assertThat(result.succeeded()).isFalse();
    assertThat(result.failedSteps()).containsExactly("a", "b", "c");
    assertThat(result.result("b").error()).contains("dependencies [a] did not complete");
    assertThat(result.result("x").isCompleted()).isTrue();
    assertThat(started).containsExactlyInAnyOrder("a", "x");
  }

  @Test
  void execute_failedStepWithDegrade_runsDependentsTellingThemWhatIsMissing() throws Exception {
    List<String> inputs = new CopyOnWriteArrayList<>();
    swarmWith(Agents.answering("w", "work", AgentOptions.defaults(), t -> {
      inputs.add(t.input());
      if (t.input().startsWith("fail")) {
        throw new IllegalStateException("step broke");
      }
      return "ok";
    }));
    Plan plan = Plan.of(PlanStep.of("a", "fail here", "work"), PlanStep.of("b", "after a", "work", "a"));
    PlanResult result = swarm.execute(plan, Task.of("root"), FailurePolicy.DEGRADE).get(10, TimeUnit.SECONDS);
    assertThat(result.result("b").isCompleted()).isTrue();
    assertThat(result.failedSteps()).containsExactly("a");
    assertThat(inputs).anySatisfy(i -> assertThat(i).contains("[a] (not available: FAILED, IllegalStateException: step broke)"));
  }

  @Test
  void execute_stepWithUnknownSkill_failsThatStepOnly() throws Exception {
    swarmWith(recording("w", "work"));
    Plan plan = Plan.of(PlanStep.of("a", "x", "translate"), PlanStep.of("b", "y", "work"));
    PlanResult result = swarm.execute(plan, Task.of("root"), FailurePolicy.FAIL_DEPENDENTS).get(10, TimeUnit.SECONDS);
    assertThat(result.result("a").error()).contains("no registered agent has skill 'translate'");
    assertThat(result.result("b").isCompleted()).isTrue();
  }

  @Test
  void execute_thousandIndependentSteps_allCompleteOnTheAgents() throws Exception {
    BaseAgent[] agents = new BaseAgent[4];
    for (int i = 0; i < agents.length; i++) {
      agents[i] = Agents.answering("w" + i, "work", AgentOptions.defaults().withMaxConcurrent(8).withQueueCapacity(1_000),
          t -> "done " + t.metadata().get("planStep"));
    }
    swarmWith(agents);
    List<PlanStep> steps = new java.util.ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      steps.add(PlanStep.of("s" + i, "part " + i, "work"));
    }
    PlanResult result = swarm.execute(new Plan(steps), Task.of("root"), FailurePolicy.FAIL_DEPENDENTS).get(60, TimeUnit.SECONDS);
    assertThat(result.succeeded()).isTrue();
    assertThat(result.result("s999").output()).isEqualTo("done s999");
    assertThat(java.util.Arrays.stream(agents).mapToLong(a -> a.stats().completed()).sum()).isEqualTo(1_000);
  }

  @Test
  void execute_canceled_cancelsRunningSteps() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    swarmWith(Agents.blocking("w", "work", AgentOptions.defaults(), running, new CountDownLatch(1), interrupted));
    var future = swarm.execute(Plan.of(PlanStep.of("a", "x", "work")), Task.of("root"), FailurePolicy.FAIL_DEPENDENTS);
    running.await();
    future.cancel(true);
    assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    BaseAgent worker = (BaseAgent) swarm.registry().find("w").orElseThrow();
    await().atMost(Duration.ofSeconds(10)).until(() -> worker.stats().canceled() == 1);
    assertThat(worker.activeTasks()).isEmpty();
  }
}
