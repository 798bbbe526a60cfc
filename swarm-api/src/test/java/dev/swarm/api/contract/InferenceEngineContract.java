package dev.swarm.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarm.api.BudgetExceededException;
import dev.swarm.api.inference.Budget;
import dev.swarm.api.inference.InferenceEngine;
import dev.swarm.api.inference.InferenceRequest;
import dev.swarm.api.inference.InferenceResult;
import dev.swarm.api.inference.ModelTier;
import dev.swarm.api.inference.RoutingHint;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link InferenceEngine} must show. Extend it with an engine over scripted
 * models that always answer and cost more than zero per call.
 */
public abstract class InferenceEngineContract {
  /** An engine whose models answer every prompt and charge for each call. */
  protected abstract InferenceEngine createEngine();

  @Test
  void infer_returnsContentAndAccounting() {
    InferenceResult result = createEngine().infer(InferenceRequest.of("What is 2 + 2?"));
    assertThat(result.content()).isNotBlank();
    assertThat(result.model()).isNotBlank();
    assertThat(result.costUsd()).isPositive();
    assertThat(result.usage().totalTokens()).isPositive();
    assertThat(result.decision()).isNotBlank();
  }

  @Test
  void infer_forceLarge_usesLargeTier() {
    InferenceResult result =
        createEngine().infer(InferenceRequest.builder("What is 2 + 2?").hint(RoutingHint.FORCE_LARGE).build());
    assertThat(result.tier()).isEqualTo(ModelTier.LARGE);
  }

  @Test
  void infer_forceSmall_usesSmallTier() {
    InferenceResult result =
        createEngine()
            .infer(
                InferenceRequest.builder("Prove the theorem step by step and design a strategy.")
                    .hint(RoutingHint.FORCE_SMALL)
                    .build());
    assertThat(result.tier()).isEqualTo(ModelTier.SMALL);
  }

  @Test
  void infer_pastBudget_isRefused() {
    InferenceEngine engine = createEngine();
    Budget tiny = Budget.of("contract-budget", 1e-9);
    assertThatThrownBy(
            () -> {
              for (int i = 0; i < 3; i++) {
                engine.infer(InferenceRequest.builder("Call number " + i).budget(tiny).build());
              }
            })
        .isInstanceOf(BudgetExceededException.class)
        .hasMessageContaining("contract-budget");
  }
}
