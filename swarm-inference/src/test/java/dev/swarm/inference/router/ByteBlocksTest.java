package dev.swarm.inference.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Both {@link ByteBlocks} kernels held, bit for bit, to the masks' definition checked one byte at
 * a time: a word bit for each ASCII letter or digit, a mark bit for each other byte of the text but
 * a plain space, nothing past the text, and a zero mask after the last block.
 */
class ByteBlocksTest {
  @Test
  void vectorApi_isOnInTheTestJvm_soTheKernelsAreComparedForReal() {
    assertThat(ByteBlocks.vectorized()).isTrue();
  }

  @Test
  void classify_everyAsciiByteAtEveryBlockEdge_bothKernelsMatchTheDefinition() {
    Random random = new Random(7);
    String edges = "09/:@AZ[`az{ \n\t0a.";
    int[] lengths = {0, 1, 7, 8, 9, 31, 32, 33, 63, 64, 65, 127, 128, 129, 1000, 1024, 4096};
    for (int length : lengths) {
      for (int trial = 0; trial < 40; trial++) {
        byte[] text = new byte[length];
        for (int i = 0; i < length; i++) {
          // Half the trials draw from all of ASCII, half mostly from the classes' edges.
          text[i] = trial % 2 == 0 ? (byte) random.nextInt(128) : (byte) edges.charAt(random.nextInt(edges.length()));
        }
        assertKernelsMatchDefinition(text);
      }
    }
  }

  @Test
  void classify_wordRunningAcrossBlocks_leavesTheMaskAfterTheTextZero() {
    byte[] text = "x".repeat(130).getBytes(StandardCharsets.US_ASCII);
    long[] wordMasks = new long[ByteBlocks.blocks(text.length) + 1];
    Arrays.fill(wordMasks, -1L);
    ByteBlocks.classify(padded(text), text.length, wordMasks, new long[wordMasks.length]);
    assertThat(wordMasks).containsExactly(-1L, -1L, 0b11L, 0L);
  }

  private static void assertKernelsMatchDefinition(byte[] text) {
    int blocks = ByteBlocks.blocks(text.length);
    long[] expectedWords = new long[blocks + 1];
    long[] expectedMarks = new long[blocks + 1];
    int expectedDigits = 0;
    for (int i = 0; i < text.length; i++) {
      char c = (char) text[i];
      boolean digit = c >= '0' && c <= '9';
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (digit) {
        expectedDigits++;
      }
      if (digit || letter) {
        expectedWords[i >>> 6] |= 1L << i;
      } else if (c != ' ') {
        expectedMarks[i >>> 6] |= 1L << i;
      }
    }
    byte[] bytes = padded(text);
    long[] words = new long[blocks + 1];
    long[] marks = new long[blocks + 1];
    long[] scalarWords = new long[blocks + 1];
    long[] scalarMarks = new long[blocks + 1];
    String what = new String(text, StandardCharsets.US_ASCII);

    assertThat(ByteBlocks.classify(bytes, text.length, words, marks)).as("digits in [%s]", what).isEqualTo(expectedDigits);
    assertThat(words).as("word bits of [%s]", what).containsExactly(expectedWords);
    assertThat(marks).as("mark bits of [%s]", what).containsExactly(expectedMarks);
    assertThat(ByteBlocks.classifyScalar(bytes, text.length, scalarWords, scalarMarks)).isEqualTo(expectedDigits);
    assertThat(scalarWords).as("scalar word bits of [%s]", what).containsExactly(expectedWords);
    assertThat(scalarMarks).as("scalar mark bits of [%s]", what).containsExactly(expectedMarks);
  }

  /** The text in a buffer as Extraction keeps it: zeroed after the text to the padded length. */
  private static byte[] padded(byte[] text) {
    byte[] bytes = new byte[ByteBlocks.paddedLength(text.length)];
    System.arraycopy(text, 0, bytes, 0, text.length);
    return bytes;
  }
}
