package dev.swarm.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Precision and hit rate of the default settings on the module's paraphrase set: true
 * paraphrases and hard near misses (negation, numbers, entities, format, related topics).
 */
class ParaphraseCalibrationTest {
  private static final Logger LOG = LoggerFactory.getLogger(ParaphraseCalibrationTest.class);
  private static final List<Pair> PAIRS = new ArrayList<>();
  private static final List<CacheDecision> DECISIONS = new ArrayList<>();
  private static final List<Pair> HOLDOUT = new ArrayList<>();
  // MiniLM's own embeddings, computed in batches up front: the same vectors, in a fraction of the time.
  private static EmbeddingModel BATCHED;

  record Pair(boolean same, String kind, String cached, String asked) {}

  @BeforeAll
  static void decideEveryPair() throws IOException {
    PAIRS.addAll(read("/paraphrase-pairs.tsv"));
    HOLDOUT.addAll(read("/paraphrase-holdout.tsv"));
    List<String> texts = new ArrayList<>();
    for (Pair p : PAIRS) {
      texts.add(p.cached());
      texts.add(p.asked());
    }
    for (Pair p : HOLDOUT) {
      texts.add(p.cached());
      texts.add(p.asked());
    }
    BATCHED = PrecomputedEmbeddings.of(TestModels.MINI_LM, texts);
    // A threshold near zero lets every pair reach the guards, so the sweep below sees their vetoes
    // at every threshold; the default's decision is the same rule at the default threshold.
    SemanticCache cache = SemanticCache.builder(BATCHED).similarityThreshold(1e-6).build();
    for (Pair p : PAIRS) {
      DECISIONS.add(cache.compare(p.cached(), p.asked()));
    }
  }

  private static List<Pair> read(String resource) throws IOException {
    try (var in = new BufferedReader(new InputStreamReader(
        Objects.requireNonNull(ParaphraseCalibrationTest.class.getResourceAsStream(resource), resource),
        StandardCharsets.UTF_8))) {
      return in.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).map(line -> {
        String[] f = line.split("\t");
        return new Pair(f[0].equals("1"), f[1], f[2], f[3]);
      }).toList();
    }
  }

  @Test
  void defaults_onHeldOutPairs_keepPrecision() {
    SemanticCache cache = SemanticCache.builder(BATCHED).build();
    int truePositives = 0;
    int falsePositives = 0;
    int paraphrases = 0;
    for (Pair p : HOLDOUT) {
      CacheDecision d = cache.compare(p.cached(), p.asked());
      paraphrases += p.same() ? 1 : 0;
      if (d.hit() && p.same()) {
        truePositives++;
      } else if (d.hit()) {
        falsePositives++;
        LOG.info("held-out false hit {} {}: '{}' / '{}'", p.kind(), d.similarity(), p.cached(), p.asked());
      } else if (p.same()) {
        LOG.info("held-out missed paraphrase ({}): '{}' / '{}'", d.reason(), p.cached(), p.asked());
      }
    }
    LOG.info(String.format(Locale.ROOT, "held out, threshold %.2f: %d pairs, precision %.3f, paraphrase hit rate %.3f",
        SemanticCache.DEFAULT_THRESHOLD, HOLDOUT.size(), (double) truePositives / Math.max(1, truePositives + falsePositives),
        (double) truePositives / paraphrases));

    assertThat(falsePositives).isLessThanOrEqualTo(1);
    assertThat(truePositives).isGreaterThanOrEqualTo(paraphrases / 2);
  }

  @Test
  void defaults_onParaphraseSet_meetPrecisionAndHitRateTargets() {
    int truePositives = 0;
    int falsePositives = 0;
    int paraphrases = 0;
    for (int i = 0; i < PAIRS.size(); i++) {
      Pair p = PAIRS.get(i);
      CacheDecision d = DECISIONS.get(i);
      paraphrases += p.same() ? 1 : 0;
      if (d.hit() && d.similarity() >= SemanticCache.DEFAULT_THRESHOLD) {
        if (p.same()) {
          truePositives++;
        } else {
          falsePositives++;
          LOG.info("false hit {} {}: '{}' / '{}'", p.kind(), d.similarity(), p.cached(), p.asked());
        }
      } else if (p.same()) {
        LOG.info("missed paraphrase ({}, similarity {}): '{}' / '{}'", d.reason(), d.similarity(), p.cached(), p.asked());
      }
    }
    double precision = (double) truePositives / Math.max(1, truePositives + falsePositives);
    double hitRate = (double) truePositives / paraphrases;
    LOG.info(String.format(Locale.ROOT, "threshold %.2f: %d pairs, precision %.3f, paraphrase hit rate %.3f",
        SemanticCache.DEFAULT_THRESHOLD, PAIRS.size(), precision, hitRate));
    for (double t = 0.70; t <= 0.96; t += 0.02) {
      int tp = 0;
      int fp = 0;
      int fpNoGuards = 0;
      for (int i = 0; i < PAIRS.size(); i++) {
        CacheDecision d = DECISIONS.get(i);
        boolean aboveThreshold = d.similarity() >= t;
        boolean hit = aboveThreshold && d.vetoedBy() == null;
        if (hit && PAIRS.get(i).same()) {
          tp++;
        } else if (hit) {
          fp++;
        }
        if (aboveThreshold && !PAIRS.get(i).same()) {
          fpNoGuards++;
        }
      }
      LOG.info(String.format(Locale.ROOT, "sweep t=%.2f precision %.3f hit rate %.3f (without guards: %d false hits)",
          t, (double) tp / Math.max(1, tp + fp), (double) tp / paraphrases, fpNoGuards));
    }

    assertThat(PAIRS).hasSizeGreaterThanOrEqualTo(300);
    assertThat(precision).isGreaterThanOrEqualTo(0.97);
    assertThat(hitRate).isGreaterThanOrEqualTo(0.5);
  }
}
