package dev.swarm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarm.api.SwarmException;
import dev.swarm.api.Task;
import dev.swarm.api.inference.RoutingHint;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelPlannerTest {
  private static final String GOOD = """
      {"steps":[{"id":"a","input":"collect","skill":"research"},
                {"id":"b","input":"write","skill":"write","dependsOn":["a"]}]}""";

  @Test
  void plan_validReply_isReadWithDependencies() {
    ScriptedEngine engine = ScriptedEngine.replies(GOOD);
    Task task = Task.of("Write a report");
    Plan plan = Planner.llm(engine, List.of("research", "write")).plan(task);
    assertThat(plan.steps()).extracting(PlanStep::id).containsExactly("a", "b");
    assertThat(plan.step("b").orElseThrow().dependsOn()).containsExactly("a");
    assertThat(engine.requests.getFirst().hint()).isEqualTo(RoutingHint.FORCE_LARGE);
    assertThat(engine.requests.getFirst().correlationId()).isEqualTo(task.correlationId());
    assertThat(engine.requests.getFirst().prompt()).contains("Write a report").contains("[research, write]");
  }

  @Test
  void plan_malformedThenValid_retriesWithTheValidationError() {
    String cyclic = """
        {"steps":[{"id":"a","input":"x","dependsOn":["b"]},{"id":"b","input":"y","dependsOn":["a"]}]}""";
    ScriptedEngine engine = ScriptedEngine.replies("not json at all", cyclic, GOOD);
    Plan plan = Planner.llm(engine, List.of("research", "write")).plan(Task.of("Write a report"));
    assertThat(plan.steps()).hasSize(2);
    assertThat(engine.requests).hasSize(3);
    assertThat(engine.requests.get(1).prompt()).contains("previous plan was rejected").contains("not valid JSON");
    assertThat(engine.requests.get(2).prompt()).contains("dependency cycle");
  }

  @Test
  void plan_unknownSkill_isAMalformedPlan() {
    ScriptedEngine engine = ScriptedEngine.replies("""
        {"steps":[{"id":"a","input":"x","skill":"juggle"}]}""", GOOD);
    Planner.llm(engine, List.of("research", "write")).plan(Task.of("t"));
    assertThat(engine.requests.get(1).prompt()).contains("unknown skill 'juggle'");
  }

  @Test
  void plan_neverValid_failsPermanentlyAfterThreeAttempts() {
    ScriptedEngine engine = ScriptedEngine.replies("{\"plan\":[]}");
    assertThatThrownBy(() -> Planner.llm(engine, List.of()).plan(Task.of("t")))
        .isInstanceOf(SwarmException.Permanent.class)
        .hasMessageContaining("3 attempts")
        .hasMessageContaining("\"steps\" array");
    assertThat(engine.requests).hasSize(3);
  }
}
