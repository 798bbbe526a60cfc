package dev.swarm.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarm.api.AgentCard;
import dev.swarm.api.AgentRole;
import dev.swarm.api.SwarmException;
import dev.swarm.api.Task;
import dev.swarm.api.TaskHandle;
import dev.swarm.api.TaskResult;
import dev.swarm.api.TaskStatus;
import dev.swarm.api.TaskUpdate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OrchestratorTest {
  private final ExecutorPool pool = ExecutorPool.builder().name("orch").cpuWorkers(1).ioConcurrency(64).build();
  private Swarm swarm;

  @AfterEach
  void tearDown() {
    if (swarm != null) {
      swarm.close();
    }
    pool.shutdown(Duration.ofSeconds(5));
  }

  @Test
  void process_failedStep_failsTheTaskNamingTheStep() throws Exception {
    Planner planner = task -> Plan.of(PlanStep.of("ok", "fine", "work"), PlanStep.of("bad", "fail now", "work"));
    swarm = Swarm.builder().pool(pool).inferenceEngine(ScriptedEngine.replies("never used"))
        .agent(Orchestrator.of("lead", planner))
        .agent(Agents.answering("w", "work", AgentOptions.defaults(), t -> {
          if (t.input().startsWith("fail")) {
            throw new IllegalStateException("disk full");
          }
          return "done";
        }))
        .build();
    TaskResult result = swarm.submit(Task.of("do it")).result().get(10, TimeUnit.SECONDS);
    assertThat(result.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(result.error()).contains("[bad]").contains("disk full");
  }

  @Test
  void process_plannerGivesUp_failsTheTask() throws Exception {
    Planner planner = task -> {
      throw new SwarmException.Permanent("no plan possible");
    };
    swarm = Swarm.builder().pool(pool).agent(Orchestrator.of("lead", planner)).agent(Agents.echo("w", "work")).build();
    TaskResult result = swarm.submit(Task.of("do it")).result().get(10, TimeUnit.SECONDS);
    assertThat(result.error()).contains("no plan possible");
  }

  @Test
  void cancel_submittedTask_reachesThePlansSubtasks() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    BaseAgent worker = Agents.blocking("w", "work", AgentOptions.defaults(), running, new CountDownLatch(1), interrupted);
    swarm = Swarm.builder().pool(pool).agent(Orchestrator.of("lead", t -> Plan.of(PlanStep.of("a", "x", "work"))))
        .agent(worker).build();
    TaskHandle handle = swarm.submit(Task.of("long job"));
    running.await();
    handle.cancel();
    assertThat(handle.result().get(10, TimeUnit.SECONDS).status()).isEqualTo(TaskStatus.CANCELED);
    assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void artifact_chunks_streamToTheListenerBeforeTheEnd() throws Exception {
    BaseAgent streamer = new BaseAgent(AgentCard.of("s", AgentRole.WORKER, "stream"), AgentOptions.defaults()) {
      @Override
      protected TaskResult process(Task task) {
        artifact("answer", "part one", false);
        artifact("answer", "part two", true);
        return TaskResult.completed(task.id(), "part one part two");
      }
    };
    swarm = Swarm.builder().pool(pool).agent(streamer).build();
    List<String> seen = new CopyOnWriteArrayList<>();
    swarm.submit(Task.builder("go").skill("stream").build(), u -> seen.add(switch (u) {
      case TaskUpdate.StatusChanged s -> s.status().name();
      case TaskUpdate.ArtifactProduced a -> a.text();
    })).result().get(10, TimeUnit.SECONDS);
    assertThat(seen).containsExactly("SUBMITTED", "WORKING", "part one", "part two", "COMPLETED");
  }
}
