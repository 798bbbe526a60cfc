package dev.swarm.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarm.api.Task;
import dev.swarm.api.eval.Evaluator;
import dev.swarm.api.eval.Verdict;
import dev.swarm.api.event.SwarmEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EvaluatorLoopTest {
  private final Task task = Task.of("answer well");
  /** Scores an answer by the number after "v", e.g. "v0.4"; passes at 0.9. */
  private final Evaluator byVersion = (t, answer) -> {
    double score = Double.parseDouble(answer.substring(1));
    return score >= 0.9 ? new Verdict(score, true, "") : Verdict.failed(score, "improve " + answer);
  };

  @Test
  void run_passingDraft_stopsAfterOneRound() {
    AtomicInteger revisions = new AtomicInteger();
    EvaluatorLoop.Refinement r = EvaluatorLoop.of(byVersion, 5).run(task, "v0.95", (prev, v) -> {
      revisions.incrementAndGet();
      return prev;
    });
    assertThat(r.rounds()).isEqualTo(1);
    assertThat(r.verdict().pass()).isTrue();
    assertThat(revisions).hasValue(0);
  }

  @Test
  void run_neverPassing_isBoundedAndKeepsTheBestAttempt() {
    Map<String, String> next = Map.of("v0.3", "v0.7", "v0.7", "v0.5", "v0.5", "v0.6");
    List<String> feedback = new ArrayList<>();
    EvaluatorLoop.Refinement r = EvaluatorLoop.of(byVersion, 4).run(task, "v0.3", (prev, v) -> {
      feedback.add(v.feedback());
      return next.get(prev);
    });
    assertThat(r.rounds()).isEqualTo(4);
    assertThat(r.verdicts()).extracting(Verdict::score).containsExactly(0.3, 0.7, 0.5, 0.6);
    assertThat(r.answer()).isEqualTo("v0.7");
    assertThat(r.bestRound()).isEqualTo(2);
    assertThat(feedback).containsExactly("improve v0.3", "improve v0.7", "improve v0.5");
  }

  @Test
  void run_tiedScores_keepTheEarlierAttempt() {
    EvaluatorLoop.Refinement r = EvaluatorLoop.of(byVersion, 3).run(task, "v0.5", (prev, v) -> "v0.50");
    assertThat(r.bestRound()).isEqualTo(1);
    assertThat(r.answer()).isEqualTo("v0.5");
  }

  @Test
  void run_revisionPasses_returnsItAndPublishesEachRound() {
    List<SwarmEvent> events = new ArrayList<>();
    Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    EvaluatorLoop.Refinement r = EvaluatorLoop.of(byVersion, 5).withEvents(events::add, clock)
        .run(task, "v0.2", (prev, v) -> prev.equals("v0.2") ? "v0.4" : "v0.9");
    assertThat(r.answer()).isEqualTo("v0.9");
    assertThat(r.rounds()).isEqualTo(3);
    assertThat(events).hasSize(3).allSatisfy(e -> assertThat(e).isInstanceOf(SwarmEvent.Evaluated.class));
    assertThat(((SwarmEvent.Evaluated) events.get(2)).round()).isEqualTo(3);
  }

  @Test
  void run_reviserThrows_endsWithTheBestSoFar() {
    EvaluatorLoop.Refinement r = EvaluatorLoop.of(byVersion, 5).run(task, "v0.4", (prev, v) -> {
      throw new IllegalStateException("writer is down");
    });
    assertThat(r.rounds()).isEqualTo(1);
    assertThat(r.answer()).isEqualTo("v0.4");
  }

  @Test
  void run_evaluatorThrows_countsAsFailedVerdict() {
    EvaluatorLoop.Refinement r = EvaluatorLoop.of((t, a) -> {
      throw new IllegalStateException("judge crashed");
    }, 2).run(task, "x", (prev, v) -> "y");
    assertThat(r.verdict().pass()).isFalse();
    assertThat(r.verdict().feedback()).contains("judge crashed");
    assertThat(r.rounds()).isEqualTo(2);
  }

  @Test
  void of_zeroRounds_isRejected() {
    assertThatThrownBy(() -> EvaluatorLoop.of(byVersion, 0)).hasMessage("maxRounds must be > 0 but was 0");
  }
}
