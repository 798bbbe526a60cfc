package dev.swarm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SwarmExceptionTest {
  @Test
  void retriableAndPermanent_reportRetriability() {
    assertThat(new SwarmException.Retriable("model timed out").isRetriable()).isTrue();
    assertThat(new SwarmException.Permanent("bad prompt").isRetriable()).isFalse();
  }

  @Test
  void rateLimited_isRetriableAndCarriesRetryAfter() {
    RateLimitedException e = new RateLimitedException("429 from small", Duration.ofSeconds(2), null);
    assertThat(e.isRetriable()).isTrue();
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
  }

  @Test
  void rateLimited_negativeRetryAfter_isRejected() {
    assertThatThrownBy(() -> new RateLimitedException("429", Duration.ofSeconds(-1), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retryAfter");
  }

  @Test
  void budgetExceeded_isPermanentAndNamesTheBudget() {
    BudgetExceededException e = new BudgetExceededException("task-9", 0.05, 0.051);
    assertThat(e.isRetriable()).isFalse();
    assertThat(e.getMessage()).contains("task-9").contains("0.050000").contains("0.051000");
  }

  @Test
  void blankMessage_isRejected() {
    assertThatThrownBy(() -> new SwarmException.Permanent(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("message");
  }
}
