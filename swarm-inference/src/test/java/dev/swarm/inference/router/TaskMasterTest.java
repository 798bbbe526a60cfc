package dev.swarm.inference.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarm.api.SwarmConfig;
import dev.swarm.api.contract.TaskClassifierContract;
import dev.swarm.api.inference.Complexity;
import dev.swarm.api.inference.ComplexityLevel;
import dev.swarm.api.inference.ModelTier;
import dev.swarm.api.inference.TaskClassifier;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskMasterTest extends TaskClassifierContract {
  private static final String ROUTINE = "What is the capital of Portugal?";

  @Override
  protected TaskClassifier createClassifier() {
    return TaskMaster.withDefaultModel();
  }

  @Test
  void classify_thresholdsFromEnvironment_changeTheLevel() {
    double score = TaskMaster.withDefaultModel().classify(ROUTINE).score();
    SwarmConfig config = SwarmConfig.from(Map.of(
        "SIMPLE_THRESHOLD", String.valueOf(score / 2), "COMPLEX_THRESHOLD", String.valueOf(score)));

    Complexity complexity = TaskMaster.withDefaultModel(config).classify(ROUTINE);

    assertThat(TaskMaster.withDefaultModel().classify(ROUTINE).level()).isEqualTo(ComplexityLevel.SIMPLE);
    assertThat(complexity.level()).isEqualTo(ComplexityLevel.COMPLEX);
  }

  @Test
  void tierFor_mediumByPolicy() {
    Complexity low = Complexity.of(0.4, 0.2, 0.3, 0.7);
    Complexity high = Complexity.of(0.6, 0.2, 0.3, 0.7);
    RouterModel model = TaskMaster.defaultModel();

    assertThat(TaskMaster.builder(model).build().tierFor(low)).isEqualTo(ModelTier.LARGE);
    assertThat(TaskMaster.builder(model).mediumPolicy(MediumPolicy.SMALL).build().tierFor(high))
        .isEqualTo(ModelTier.SMALL);
    TaskMaster split = TaskMaster.builder(model).mediumPolicy(MediumPolicy.SPLIT_AT_HALF).build();
    assertThat(split.tierFor(low)).isEqualTo(ModelTier.SMALL);
    assertThat(split.tierFor(high)).isEqualTo(ModelTier.LARGE);
  }

  @Test
  void routeJsonLine_echoesIdAndWritesDecision() throws Exception {
    String line = TaskMaster.withDefaultModel().routeJsonLine("{\"id\":17,\"prompt\":\"" + ROUTINE + "\"}");

    JsonNode out = new ObjectMapper().readTree(line);
    assertThat(out.get("id").isInt()).isTrue();
    assertThat(out.get("id").asInt()).isEqualTo(17);
    assertThat(out.get("score").asDouble()).isBetween(0.0, 0.3);
    assertThat(out.get("level").asText()).isEqualTo("SIMPLE");
    assertThat(out.get("confidence").asDouble()).isBetween(0.0, 1.0);
    assertThat(out.get("tier").asText()).isEqualTo("SMALL");
    assertThat(line).doesNotContain("\n");
  }

  @Test
  void routeJsonLine_missingPrompt_rejectedNamingField() {
    assertThatThrownBy(() -> TaskMaster.withDefaultModel().routeJsonLine("{\"id\":\"a\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'prompt'");
  }

  @Test
  void route_decisionToJson_matchesRouteLine() {
    TaskMaster router = TaskMaster.withDefaultModel();
    assertThat(router.route("x", ROUTINE).toJson())
        .isEqualTo(router.routeJsonLine("{\"id\":\"x\",\"prompt\":\"" + ROUTINE + "\"}"));
  }

  @Test
  void recordOutcome_largeLabels_raiseLaterScoresUntilRoutedLarge() {
    TaskMaster router = TaskMaster.withDefaultModel();
    String prompt = "Summarise the attached quarterly board pack for the chair.";
    double before = router.classify(prompt).score();
    assertThat(router.tierFor(router.classify(prompt))).isEqualTo(ModelTier.SMALL);

    for (int i = 0; i < 5; i++) {
      router.recordOutcome(prompt, ModelTier.LARGE);
    }

    assertThat(router.classify(prompt).score()).isGreaterThan(before);
    assertThat(router.tierFor(router.classify(prompt))).isEqualTo(ModelTier.LARGE);
    assertThat(TaskMaster.withDefaultModel().classify(prompt).score()).isEqualTo(before);
  }

  @Test
  void builder_thresholdsOutOfOrder_rejectedWithValues() {
    assertThatThrownBy(() -> TaskMaster.builder(TaskMaster.defaultModel()).thresholds(0.8, 0.2).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0.8 > 0.2");
  }
}
