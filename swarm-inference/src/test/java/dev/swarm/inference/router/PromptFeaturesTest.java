package dev.swarm.inference.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link PromptFeatures} held to two references: the frozen version-1 extractor defines every
 * dense value bit for bit (saved models depend on them), and the per-character path defines the
 * terms whose number and weight sum the word-at-a-time ASCII path must reproduce, the sum to the
 * last bit.
 */
class PromptFeaturesTest {
  /** Inputs the corpus may not cover: Unicode letters and digits, bullets, enumerations, edges. */
  private static final List<String> EDGE_CASES = List.of(
      "", " ", "a", "?", "...", "1. first\n2) second\n- third\n* fourth\n\u2022 fifth",
      "Ünïcödé Straße İstanbul ΑΒΓ déjà-vu ٣٤ ①② 𝔘𝔫𝔦 日本語のテキスト",
      "WHY Explain STEP BY step; {\"json\": [1, 2]} `code` x=y<z>_ end.No space.Then? yes!",
      "tabs\tand\r\nwindows\r\nlines 12. 123. 1.5 a.b",
      "x".repeat(5000) + " " + "9".repeat(40),
      "exactly8 chars16chars16chars! 24charactersxxxxxxxxxxxx.",
      "  - indented bullet\n\t* tabbed bullet\n a - b\n-\n12) 7. 100. x1. (3) ",
      "12. opens the text", "7) opens the text", "1. x",
      "trailing dot.");

  @Test
  void extract_everyCorpusPromptAndEdgeCase_denseMatchesVersionOneBitForBit() throws Exception {
    // The per-character path looks every term up in the cue table; scoring with the default
    // model's size of table looks up only the few marked slots, so a cue whose slot went unmarked
    // would go uncounted.
    long[] modelSized = PromptFeatures.termTable(new float[1 << 17]);
    for (String prompt : prompts()) {
      double[] expectedDense = new double[PromptFeatures.DENSE];
      int expectedCount = ReferencePromptFeatures.extract(prompt, expectedDense, hash -> {});

      try (Extraction perCharacter = PromptFeatures.extract(prompt);
          Extraction forScoring = PromptFeatures.extractForScoring(prompt, modelSized)) {
        for (Extraction features : List.of(perCharacter, forScoring)) {
          assertCountAndDense(features, prompt, expectedCount, expectedDense);
        }
      }
    }
  }

  @Test
  void termTable_weightsAndCueSlots_holdsEveryWeightAndMarksExactlyTheCueSlots() {
    Random random = new Random(11);
    float[] weights = new float[1 << 10];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = random.nextInt(8) == 0 ? Float.intBitsToFloat(random.nextInt()) : (float) random.nextGaussian();
    }
    weights[3] = -0.0f;

    long[] table = PromptFeatures.termTable(weights);

    Set<Integer> cueSlots = new HashSet<>();
    for (String[] family : ReferencePromptFeatures.CUES) {
      for (String cue : family) {
        cueSlots.add(PromptFeatures.cueTerm(cue) & (table.length - 1));
      }
    }
    for (int slot = 0; slot < table.length; slot++) {
      assertThat(Float.floatToRawIntBits(PromptFeatures.weight(table[slot]))).as("weight bits in slot %d", slot)
          .isEqualTo(Float.floatToRawIntBits(weights[slot]));
      assertThat(table[slot] < 0).as("slot %d marked", slot).isEqualTo(cueSlots.contains(slot));
    }
    long reweighted = PromptFeatures.withWeight(table[cueSlots.iterator().next()], 2.5f);
    assertThat(reweighted < 0).isTrue();
    assertThat(PromptFeatures.weight(reweighted)).isEqualTo(2.5f);
    assertThat(PromptFeatures.withWeight(0, -1f)).isEqualTo(Float.floatToRawIntBits(-1f) & 0xFFFF_FFFFL);
  }

  @Test
  void termTable_weightsNotAPowerOfTwo_rejectedNamingTheCount() {
    assertThatThrownBy(() -> PromptFeatures.termTable(new float[1000]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("power of two")
        .hasMessageContaining("1000");
  }

  @Test
  void extractForScoring_corpusEdgeCasesAndRandomAscii_asciiPathMatchesPerCharacterPath() throws Exception {
    // Weights from 2^-30 to 2^30: a double sum of such floats rounds, so it depends on which terms
    // are added and in what order (a sum of floats of similar size would be exact in any order).
    Random weightsRandom = new Random(3);
    float[] weights = new float[1 << 12];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (float) Math.scalb(weightsRandom.nextDouble() * 2 - 1, weightsRandom.nextInt(61) - 30);
    }
    // 4,096 slots for about 330 cues: one slot in twelve is marked, so many plain terms land in a
    // marked slot and must still not count as cues.
    long[] termTable = PromptFeatures.termTable(weights);
    List<String> prompts = new ArrayList<>(prompts());
    Random random = new Random(42);
    String alphabet = "abcXYZ0129  ,.?!\n\t\r-*\"`(){}_=:'/";
    for (int i = 0; i < 3000; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(80);
      for (int c = 0; c < length; c++) {
        // Runs of one class make long words, long numbers and long gaps.
        int run = random.nextInt(4) == 0 ? 1 + random.nextInt(20) : 1;
        char ch = alphabet.charAt(random.nextInt(alphabet.length()));
        text.append(String.valueOf(ch).repeat(run));
      }
      prompts.add(text.toString());
    }

    for (String prompt : prompts) {
      double[] expectedDense;
      int expectedCount;
      double expectedWeightSum;
      try (Extraction reference = PromptFeatures.extract(prompt)) {
        expectedDense = reference.dense.clone();
        expectedCount = reference.termCount;
        expectedWeightSum = PromptFeatures.weightSum(reference.terms, reference.termCount, termTable);
      }
      try (Extraction features = PromptFeatures.extractForScoring(prompt, termTable)) {
        assertCountAndDense(features, prompt, expectedCount, expectedDense);
        assertThat(Double.doubleToRawLongBits(features.termWeightSum))
            .as("weight sum of [%s]: %s but expected %s", prompt, features.termWeightSum, expectedWeightSum)
            .isEqualTo(Double.doubleToRawLongBits(expectedWeightSum));
      }
    }
  }

  @Test
  void extract_wordsAndPairs_termsAreCaseBlindWordHashesThenPairHashes() {
    try (Extraction features = PromptFeatures.extract("Explain STEP-by step")) {
      int explain = PromptFeatures.wordHash("explain");
      int step = PromptFeatures.wordHash("step");
      int by = PromptFeatures.wordHash("by");
      assertThat(Arrays.copyOf(features.terms, features.termCount)).containsExactly(
          explain, step, PromptFeatures.pairHash(explain, step), by, PromptFeatures.pairHash(step, by),
          step, PromptFeatures.pairHash(by, step));
    }
  }

  @Test
  void extractForScoring_afterLongAndNonAsciiPrompts_pooledBuffersGiveSameFeatures() {
    long[] termTable = PromptFeatures.termTable(new float[] {0.5f, -0.25f, 2f, 0.125f});
    String prompt = "Summarise the attached report in 3 bullet points.";
    double[] first;
    int firstCount;
    double firstSum;
    try (Extraction features = PromptFeatures.extractForScoring(prompt, termTable)) {
      first = features.dense.clone();
      firstCount = features.termCount;
      firstSum = features.termWeightSum;
    }
    PromptFeatures.extractForScoring("word ".repeat(50_000), termTable).close();
    PromptFeatures.extractForScoring("déjà vu ".repeat(2_000), termTable).close();
    PromptFeatures.extract("word ".repeat(50_000)).close();

    try (Extraction features = PromptFeatures.extractForScoring(prompt, termTable)) {
      assertThat(features.dense).containsExactly(first);
      assertThat(features.termCount).isEqualTo(firstCount);
      assertThat(features.termWeightSum).isEqualTo(firstSum);
    }
  }

  @Test
  void denseNames_versionTwo_keepVersionOneOrder() {
    assertThat(PromptFeatures.DENSE_NAMES).containsExactly(ReferencePromptFeatures.DENSE_NAMES);
  }

  private static void assertCountAndDense(Extraction features, String prompt, int expectedCount, double[] expectedDense) {
    assertThat(features.termCount).as("term count of [%s]", prompt).isEqualTo(expectedCount);
    // Arrays.equals on double[] compares bit patterns, so even a last-bit drift fails.
    assertThat(Arrays.equals(features.dense, expectedDense))
        .as("dense features of [%s]: %s but expected %s", prompt, Arrays.toString(features.dense),
            Arrays.toString(expectedDense))
        .isTrue();
  }

  private static List<String> prompts() throws Exception {
    List<String> prompts = new ArrayList<>(EDGE_CASES);
    RouterQualityTest.corpus().forEach(p -> prompts.add(p.prompt()));
    assertThat(prompts).hasSizeGreaterThan(600);
    return prompts;
  }
}
