package dev.swarm.inference.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.swarm.api.inference.ModelTier;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouterTrainerTest {
  @Test
  void train_corpus_reportsOutOfFoldMetrics() throws Exception {
    TrainingReport report = RouterTrainer.train(RouterQualityTest.corpus(), TrainingOptions.builder().folds(4).build());

    assertThat(report.crossValidation().folds()).isEqualTo(4);
    assertThat(report.crossValidation().examples()).isEqualTo(RouterQualityTest.corpus().size());
    assertThat(report.crossValidation().auc()).isGreaterThan(0.9);
    assertThat(report.crossValidation().accuracy()).isGreaterThan(0.85);
    assertThat(report.crossValidation().calibrationError()).isLessThan(0.1);
    assertThat(report.model().crossValidation()).isEqualTo(report.crossValidation());
  }

  @Test
  void train_tooFewOfOneLabel_rejectedWithCounts() {
    List<LabelledPrompt> examples = List.of(
        LabelledPrompt.of("a", ModelTier.SMALL), LabelledPrompt.of("b", ModelTier.SMALL),
        LabelledPrompt.of("c", ModelTier.LARGE));
    assertThatThrownBy(() -> RouterTrainer.train(examples, TrainingOptions.builder().folds(2).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 SMALL and 1 LARGE");
  }

  @Test
  void options_badValue_namesSettingAndValue() {
    assertThatThrownBy(() -> TrainingOptions.builder().hashBits(30).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hashBits must be in [8, 24] but was 30");
    assertThatThrownBy(() -> TrainingOptions.builder().learningRate(-1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("learningRate")
        .hasMessageContaining("-1.0");
  }

  @Test
  void train_withEmbeddings_taskMasterNeedsAndUsesTheEmbeddingModel() throws Exception {
    EmbeddingModel embedder = new LengthBucketEmbedding();
    TrainingReport report = RouterTrainer.train(
        RouterQualityTest.corpus(), TrainingOptions.builder().embeddingModel(embedder).epochs(10).build());

    assertThat(report.model().embeddingModel()).isPresent();
    assertThatThrownBy(() -> TaskMaster.builder(report.model()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("embeddingModel(...)");
    TaskMaster router = TaskMaster.builder(report.model()).embeddingModel(embedder).build();
    assertThat(router.classify("What is the capital of Peru?").score())
        .isLessThan(router.classify("Design a phased cloud migration strategy with rollback plans and risks.").score());

    java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
    report.model().write(file);
    RouterModel loaded = RouterModel.read(new java.io.ByteArrayInputStream(file.toByteArray()));
    assertThat(loaded.embeddingModel()).contains("length-bucket-test");
    assertThat(TaskMaster.builder(loaded).embeddingModel(embedder).build().classify("What is the capital of Peru?"))
        .isEqualTo(router.classify("What is the capital of Peru?"));
  }

  /** A deterministic stand-in for a sentence embedding: a few coarse shape features of the text. */
  static final class LengthBucketEmbedding implements EmbeddingModel {
    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
      return Response.from(segments.stream().map(s -> vector(s.text())).toList());
    }

    private static Embedding vector(String text) {
      float words = text.split("\\s+").length;
      return Embedding.from(new float[] {words / 50f, text.contains("?") ? 1f : 0f, text.length() / 500f});
    }

    @Override
    public String modelName() {
      return "length-bucket-test";
    }
  }
}
