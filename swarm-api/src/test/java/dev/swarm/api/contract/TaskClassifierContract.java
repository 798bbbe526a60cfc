package dev.swarm.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarm.api.inference.Complexity;
import dev.swarm.api.inference.TaskClassifier;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link TaskClassifier} must show: scores in range, deterministic, and an
 * obviously routine prompt scored below an obviously hard one.
 */
public abstract class TaskClassifierContract {
  /** The classifier under test. */
  protected abstract TaskClassifier createClassifier();

  @Test
  void classify_scoresAndConfidenceInRange() {
    Complexity c = createClassifier().classify("Convert 'hello world' to upper case.");
    assertThat(c.score()).isBetween(0.0, 1.0);
    assertThat(c.confidence()).isBetween(0.0, 1.0);
  }

  @Test
  void classify_isDeterministic() {
    TaskClassifier classifier = createClassifier();
    String prompt = "Summarise this paragraph in one sentence: the meeting moved to Tuesday.";
    assertThat(classifier.classify(prompt)).isEqualTo(classifier.classify(prompt));
  }

  @Test
  void classify_routinePromptScoresBelowHardPrompt() {
    TaskClassifier classifier = createClassifier();
    double routine = classifier.classify("What is the capital of France?").score();
    double hard =
        classifier
            .classify(
                "Design a multi-region disaster recovery strategy for a payments platform: compare "
                    + "active-active and active-passive, quantify RPO and RTO trade-offs, estimate costs, "
                    + "identify failure modes step by step, and justify a phased migration plan.")
            .score();
    assertThat(routine).isLessThan(hard);
  }
}
