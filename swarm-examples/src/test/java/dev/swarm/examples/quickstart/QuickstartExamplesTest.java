package dev.swarm.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarm.api.TaskResult;
import dev.swarm.api.TaskStatus;
import dev.swarm.examples.models.ModelTiers;
import org.junit.jupiter.api.Test;

class QuickstartExamplesTest {
  private final ModelTiers tiers = ModelTiers.offline(0.01, 0);

  @Test
  void wiredSwarm_answer_plansWorksAndSynthesises() {
    TaskResult result = WiredSwarm.answer(tiers.small().model(), tiers.large().model(), "Summarise the Q3 report for the board");

    assertThat(result.status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(result.output()).startsWith("Answer to: Summarise the Q3 report for the board").contains("- ");
    assertThat(result.costUsd()).isPositive();
    assertThat(result.metadata()).containsKey("evaluation.pass");
  }

  @Test
  void remoteAgentExample_askOverA2a_completesThroughTheServer() {
    TaskResult result = RemoteAgentExample.askOverA2a(tiers.small().model(), tiers.large().model(),
        "Summarise: revenue grew 12% in Q3.");

    assertThat(result.status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(result.output()).isNotBlank();
  }
}
