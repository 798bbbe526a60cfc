package dev.swarm.core.eval;

import dev.swarm.api.Task;
import dev.swarm.api.eval.Evaluator;
import dev.swarm.api.eval.Verdict;
import dev.swarm.api.event.SwarmEvent;
import dev.swarm.api.event.SwarmEventListener;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The evaluator-optimizer loop: judges an answer, and while it fails, has it revised with the
 * verdict's feedback and judges again, for at most a fixed number of rounds. The best attempt is
 * kept: the first that passes, else the highest-scoring (the earliest among equals), so a
 * revision that makes things worse never replaces a better answer.
 *
 * <pre>{@code
 * EvaluatorLoop loop = EvaluatorLoop.of(Evaluators.structural("name", "email"), 3);
 * EvaluatorLoop.Refinement done = loop.run(task, draft, (previous, verdict) -> reviseWith(verdict.feedback()));
 * }</pre>
 *
 * <p>Runs on the caller's thread, which it blocks through every evaluation and revision. Thread-safe.
 */
public final class EvaluatorLoop {
  private static final Logger LOG = LoggerFactory.getLogger(EvaluatorLoop.class);

  private final Evaluator evaluator;
  private final int maxRounds;
  private final SwarmEventListener events;
  private final Clock clock;

  private EvaluatorLoop(Evaluator evaluator, int maxRounds, SwarmEventListener events, Clock clock) {
    this.evaluator = evaluator;
    this.maxRounds = maxRounds;
    this.events = events;
    this.clock = clock;
  }

  /**
   * A loop that judges with {@code evaluator} at most {@code maxRounds} times.
   *
   * @throws IllegalArgumentException if {@code maxRounds} is less than one
   */
  public static EvaluatorLoop of(Evaluator evaluator, int maxRounds) {
    Objects.requireNonNull(evaluator, "evaluator must not be null");
    if (maxRounds < 1) {
      throw new IllegalArgumentException("maxRounds must be > 0 but was " + maxRounds);
    }
    return new EvaluatorLoop(evaluator, maxRounds, SwarmEventListener.NONE, Clock.systemUTC());
  }

  /** A copy that publishes an {@link SwarmEvent.Evaluated} per round to {@code events}, stamped by {@code clock}. */
  public EvaluatorLoop withEvents(SwarmEventListener events, Clock clock) {
    return new EvaluatorLoop(evaluator, maxRounds, Objects.requireNonNull(events, "events must not be null"),
        Objects.requireNonNull(clock, "clock must not be null"));
  }

  /** The most evaluations one run makes. */
  public int maxRounds() {
    return maxRounds;
  }

  /**
   * Judges {@code draft} and revises it until it passes or the rounds run out. A reviser that
   * throws ends the loop with the best attempt so far; an interrupt does too, and stays set.
   */
  public Refinement run(Task task, String draft, Reviser reviser) {
    Objects.requireNonNull(task, "task must not be null");
    Objects.requireNonNull(draft, "draft must not be null");
    Objects.requireNonNull(reviser, "reviser must not be null");
    List<Verdict> verdicts = new ArrayList<>();
    String answer = draft;
    String best = draft;
    Verdict bestVerdict = null;
    int bestRound = 0;
    for (int round = 1; round <= maxRounds; round++) {
      Verdict verdict = judge(task, answer);
      verdicts.add(verdict);
      events.onEvent(new SwarmEvent.Evaluated(task.id(), verdict, round, task.correlationId(), clock.instant()));
      if (bestVerdict == null || better(verdict, bestVerdict)) {
        best = answer;
        bestVerdict = verdict;
        bestRound = round;
      }
      if (verdict.pass() || round == maxRounds) {
        break;
      }
      try {
        answer = Objects.requireNonNull(reviser.revise(answer, verdict), "reviser returned null");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (Exception e) {
        LOG.warn("Revision {} of task {} failed ({}); keeping the best answer so far. Check the reviser's agent",
            round, task.id(), e.toString());
        break;
      }
    }
    return new Refinement(best, bestVerdict, verdicts.size(), bestRound, verdicts);
  }

  private Verdict judge(Task task, String answer) {
    try {
      return evaluator.evaluate(task, answer);
    } catch (RuntimeException e) {
      LOG.warn("Evaluator threw on task {}; counting it as a failed verdict. Evaluators should return a verdict instead",
          task.id(), e);
      return Verdict.failed(0, "the evaluator could not judge the answer: " + e);
    }
  }

  /** A pass beats a fail; otherwise a strictly higher score wins, so earlier attempts keep ties. */
  private static boolean better(Verdict candidate, Verdict incumbent) {
    if (candidate.pass() != incumbent.pass()) {
      return candidate.pass();
    }
    return !incumbent.pass() && candidate.score() > incumbent.score();
  }

  /** Produces a revised answer from the previous one and the verdict on it. */
  @FunctionalInterface
  public interface Reviser {
    /**
     * Revises {@code previous} to address {@code verdict.feedback()}. Called on the loop's thread.
     *
     * @throws Exception anything; the loop then ends with the best attempt so far
     */
    String revise(String previous, Verdict verdict) throws Exception;
  }

  /**
   * What the loop settled on.
   *
   * @param answer the best attempt
   * @param verdict the verdict on it
   * @param rounds how many evaluations ran
   * @param bestRound the round (1-based) whose answer was kept
   * @param verdicts every round's verdict, in order, copied and immutable
   */
  public record Refinement(String answer, Verdict verdict, int rounds, int bestRound, List<Verdict> verdicts) {
    /** Validates and copies. */
    public Refinement {
      Objects.requireNonNull(answer, "answer must not be null");
      Objects.requireNonNull(verdict, "verdict must not be null");
      verdicts = List.copyOf(Objects.requireNonNull(verdicts, "verdicts must not be null"));
      if (rounds < 1 || rounds != verdicts.size() || bestRound < 1 || bestRound > rounds) {
        throw new IllegalArgumentException("rounds " + rounds + " and bestRound " + bestRound
            + " must match the " + verdicts.size() + " verdicts");
      }
    }
  }
}
