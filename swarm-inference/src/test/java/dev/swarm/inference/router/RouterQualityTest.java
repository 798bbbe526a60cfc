package dev.swarm.inference.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarm.api.inference.ComplexityLevel;
import dev.swarm.api.inference.ModelTier;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The router's quality on the part of the bundled corpus it never trained on: every 5th line
 * (lines 5, 10, 15, … counted from 1) is held out; the model trains on the other four fifths with
 * the default options and is scored on the held-out lines at the default thresholds.
 */
class RouterQualityTest {
  static final int HOLD_OUT_EVERY = 5;

  static List<LabelledPrompt> corpus() throws Exception {
    try (Reader reader = new InputStreamReader(
        Objects.requireNonNull(RouterQualityTest.class.getResourceAsStream("/dev/swarm/inference/router-corpus.jsonl")),
        StandardCharsets.UTF_8)) {
      return LabelledPrompt.readJsonLines(reader);
    }
  }

  @Test
  void heldOutCorpus_defaultOptions_meetsAucAndLargeLeakTargets() throws Exception {
    List<LabelledPrompt> all = corpus();
    List<LabelledPrompt> train = new ArrayList<>();
    List<LabelledPrompt> heldOut = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      ((i + 1) % HOLD_OUT_EVERY == 0 ? heldOut : train).add(all.get(i));
    }
    TaskMaster router = TaskMaster.builder(RouterTrainer.train(train).model()).build();

    double[] scores = new double[heldOut.size()];
    int[] labels = new int[heldOut.size()];
    int large = 0;
    int largeRoutedSmall = 0;
    for (int i = 0; i < heldOut.size(); i++) {
      LabelledPrompt example = heldOut.get(i);
      var complexity = router.classify(example.prompt());
      scores[i] = complexity.score();
      labels[i] = example.label() == ModelTier.LARGE ? 1 : 0;
      if (example.label() == ModelTier.LARGE) {
        large++;
        if (router.tierFor(complexity) == ModelTier.SMALL) {
          largeRoutedSmall++;
          System.out.printf("LARGE routed SMALL (%.3f): %s%n", complexity.score(), example.prompt());
        }
      } else if (complexity.level() == ComplexityLevel.COMPLEX) {
        System.out.printf("SMALL scored COMPLEX (%.3f): %s%n", complexity.score(), example.prompt());
      }
    }
    double auc = Scores.auc(scores, labels);
    double leak = (double) largeRoutedSmall / large;
    long smallShare = java.util.stream.IntStream.range(0, labels.length)
        .filter(i -> labels[i] == 0 && scores[i] < 0.3).count();
    System.out.printf(
        "held-out router quality: %d prompts (%d LARGE), AUC %.4f, LARGE routed SMALL %d/%d = %.2f%%,"
            + " SMALL prompts routed SMALL %d/%d%n",
        heldOut.size(), large, auc, largeRoutedSmall, large, 100 * leak, smallShare, labels.length - large);

    assertThat(heldOut).hasSizeGreaterThanOrEqualTo(120);
    assertThat(auc).isGreaterThanOrEqualTo(0.90);
    assertThat(leak).isLessThanOrEqualTo(0.03);
  }
}
