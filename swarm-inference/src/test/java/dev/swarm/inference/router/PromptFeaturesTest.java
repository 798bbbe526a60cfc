package dev.swarm.inference.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The optimised {@link PromptFeatures} against the frozen {@link ReferencePromptFeatures}: the
 * shipped model and every saved user model were trained on the reference's features, so any
 * difference, even in the last bit of a dense value or the order of the terms, would silently
 * change their scores.
 */
class PromptFeaturesTest {
  /** Inputs the corpus may not cover: Unicode letters and digits, bullets, enumerations, edges. */
  private static final List<String> EDGE_CASES = List.of(
      "", " ", "a", "?", "...", "1. first\n2) second\n- third\n* fourth\n\u2022 fifth",
      "Ünïcödé Straße İstanbul ΑΒΓ déjà-vu ٣٤ ①② 𝔘𝔫𝔦 日本語のテキスト",
      "WHY Explain STEP BY step; {\"json\": [1, 2]} `code` x=y<z>_ end.No space.Then? yes!",
      "tabs\tand\r\nwindows\r\nlines 12. 123. 1.5 a.b",
      "x".repeat(5000) + " " + "9".repeat(40),
      "trailing dot.");

  @Test
  void extract_everyCorpusPromptAndEdgeCase_matchesReferenceBitForBit() throws Exception {
    List<String> prompts = new ArrayList<>(EDGE_CASES);
    RouterQualityTest.corpus().forEach(p -> prompts.add(p.prompt()));
    assertThat(prompts).hasSizeGreaterThan(600);

    for (String prompt : prompts) {
      double[] expectedDense = new double[PromptFeatures.DENSE];
      Recorder expectedTerms = new Recorder();
      int expectedCount = ReferencePromptFeatures.extract(prompt, expectedDense, expectedTerms);

      double[] dense = new double[PromptFeatures.DENSE];
      Arrays.fill(dense, Double.NaN); // extract must overwrite every slot
      Recorder terms = new Recorder();
      int count = PromptFeatures.extract(prompt, dense, terms);

      assertThat(count).as("term count of %s", prompt).isEqualTo(expectedCount);
      assertThat(terms.hashes()).as("term hashes of %s", prompt).containsExactly(expectedTerms.hashes());
      // Arrays.equals on double[] compares bit patterns, so even a last-bit drift fails.
      assertThat(Arrays.equals(dense, expectedDense))
          .as("dense features of %s: %s but expected %s", prompt, Arrays.toString(dense),
              Arrays.toString(expectedDense))
          .isTrue();
    }
  }

  @Test
  void denseNames_optimisedExtractor_keepsReferenceOrder() {
    assertThat(PromptFeatures.DENSE_NAMES).containsExactly(ReferencePromptFeatures.DENSE_NAMES);
  }

  /** Records every term hash in order. */
  private static final class Recorder extends PromptFeatures.TermSink {
    private int[] hashes = new int[16];
    private int size;

    @Override
    void term(int hash) {
      if (size == hashes.length) {
        hashes = Arrays.copyOf(hashes, size * 2);
      }
      hashes[size++] = hash;
    }

    int[] hashes() {
      return Arrays.copyOf(hashes, size);
    }
  }
}
