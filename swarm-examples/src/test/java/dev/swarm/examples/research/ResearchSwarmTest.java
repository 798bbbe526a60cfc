package dev.swarm.examples.research;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.swarm.api.SwarmConfig;
import dev.swarm.api.TaskStatus;
import dev.swarm.examples.models.ModelTiers;
import org.junit.jupiter.api.Test;

class ResearchSwarmTest {
  @Test
  void ask_plansWorksSynthesisesRevisesAndCachesRepeatsAndParaphrases() {
    try (ResearchSwarm research =
        ResearchSwarm.start(ModelTiers.offline(0.01, 0), SwarmConfig.defaults(), new AllMiniLmL6V2EmbeddingModel(), 3)) {
      ResearchSwarm.Answer first = research.ask("How should a mid-sized bank adopt LLM agents for customer support?");
      assertThat(first.cached()).isFalse();
      assertThat(first.result().status()).isEqualTo(TaskStatus.COMPLETED);
      assertThat(first.result().output()).contains("Answer to:").contains("shared memory");
      assertThat(research.verdictsFailed()).isPositive();
      assertThat(research.verdictsPassed()).isPositive();
      long callsAfterFirst = research.ledger().calls().size();
      assertThat(callsAfterFirst).isGreaterThanOrEqualTo(1 + 4 + 1 + 2);

      ResearchSwarm.Answer repeat = research.ask("How should a mid-sized bank adopt LLM agents for customer support?");
      assertThat(repeat.cached()).isTrue();
      assertThat(repeat.similarity()).isEqualTo(1.0);
      assertThat(repeat.result().output()).isEqualTo(first.result().output());

      ResearchSwarm.Answer paraphrase = research.ask("What is the best way for a mid-sized bank to adopt LLM agents for customer support?");
      assertThat(paraphrase.cached()).isTrue();
      assertThat(paraphrase.similarity()).isLessThan(1.0);
      assertThat(research.ledger().calls()).hasSize((int) callsAfterFirst);
    }
  }
}
