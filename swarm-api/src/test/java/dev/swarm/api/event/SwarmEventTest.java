package dev.swarm.api.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarm.api.TaskId;
import dev.swarm.api.eval.Verdict;
import dev.swarm.api.inference.ModelTier;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SwarmEventTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void switchOverEvents_isExhaustiveAndCarriesCorrelation() {
    TaskId id = TaskId.of("t");
    List<SwarmEvent> events =
        List.of(
            new SwarmEvent.Submitted(id, "a", "c", NOW),
            new SwarmEvent.Planned(id, 3, "c", NOW),
            new SwarmEvent.Routed(null, ModelTier.SMALL, "forced", "c", NOW),
            new SwarmEvent.Started(id, "a", "c", NOW),
            new SwarmEvent.Cached(0.97, false, "c", NOW),
            new SwarmEvent.FellBack(ModelTier.SMALL, ModelTier.LARGE, "timeout", "c", NOW),
            new SwarmEvent.Escalated("verifier rejected", "c", NOW),
            new SwarmEvent.Evaluated(id, Verdict.passed(), 1, "c", NOW),
            new SwarmEvent.Completed(id, "a", Duration.ofMillis(3), 0.01, "c", NOW),
            new SwarmEvent.Failed(id, "a", "boom", "c", NOW),
            new SwarmEvent.Canceled(id, "a", "c", NOW));
    List<String> kinds =
        events.stream()
            .map(
                e ->
                    switch (e) {
                      case SwarmEvent.Submitted s -> "submitted";
                      case SwarmEvent.Planned p -> "planned";
                      case SwarmEvent.Routed r -> "routed";
                      case SwarmEvent.Started s -> "started";
                      case SwarmEvent.Cached c -> "cached";
                      case SwarmEvent.FellBack f -> "fellBack";
                      case SwarmEvent.Escalated x -> "escalated";
                      case SwarmEvent.Evaluated v -> "evaluated";
                      case SwarmEvent.Completed c -> "completed";
                      case SwarmEvent.Failed f -> "failed";
                      case SwarmEvent.Canceled c -> "canceled";
                    })
            .toList();
    assertThat(kinds).doesNotHaveDuplicates().hasSize(11);
    assertThat(events).allSatisfy(e -> assertThat(e.correlationId()).isEqualTo("c"));
  }

  @Test
  void blankCorrelationId_isRejectedNamingIt() {
    assertThatThrownBy(() -> new SwarmEvent.Cached(1.0, true, " ", NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("correlationId");
  }

  @Test
  void evaluatedRoundZero_isRejectedNamingRound() {
    assertThatThrownBy(() -> new SwarmEvent.Evaluated(TaskId.of("t"), Verdict.passed(), 0, "c", NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("round");
  }

  @Test
  void verdict_failedNeedsFeedbackAndScoreInRange() {
    assertThatThrownBy(() -> Verdict.failed(0.2, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("feedback");
    assertThatThrownBy(() -> new dev.swarm.api.eval.Verdict(-0.1, false, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("score");
  }
}
