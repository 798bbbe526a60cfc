package dev.swarm.inference.router;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Classifies an ASCII prompt's bytes 64 at a time into bitmasks, one bit per byte: which bytes are
 * word characters (letters and digits), and which are marks, the bytes that are neither a word
 * character nor a plain space. It also counts the digits.
 *
 * <p>Walking words from these masks takes each word's start and length from bit scans, so no word
 * has to wait for the byte-by-byte end of the word before it. It runs on the Vector API when the
 * JVM has it and the CPU has 256-bit vectors, else on 64-bit words eight bytes at a time; both give
 * the same masks, and a test holds them to it.
 *
 * <p>Callers pad the text with zeroed bytes up to {@link #paddedLength} and give masks room for
 * {@link #blocks} + 1 entries: the extra one is always 0, so a word's run stops at the text's end.
 */
final class ByteBlocks {
  private static final boolean VECTOR_API =
      ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() && VectorApiBlocks.supported();

  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;
  // OR-ing 0x20 into each byte lower-cases ASCII letters and leaves digits as they are.
  private static final long TO_LOWER = 0x2020202020202020L;
  // Multiplying the eight byte-wise low bits by this gathers them, in order, into the top byte.
  private static final long GATHER = 0x0102040810204080L;

  private ByteBlocks() {}

  /** The number of 64-byte blocks a text of {@code length} bytes spans. */
  static int blocks(int length) {
    return (length + 63) >>> 6;
  }

  /**
   * How many bytes a buffer holding {@code length} bytes of text needs, zeroed after the text:
   * whole blocks, plus eight for the 64-bit load that reads a word's last chunk.
   */
  static int paddedLength(int length) {
    return (blocks(length) << 6) + 8;
  }

  /** Whether classification runs on the Vector API in this JVM. */
  static boolean vectorized() {
    return VECTOR_API;
  }

  /**
   * Fills {@code wordMasks} and {@code markMasks} for the first {@code length} bytes, and sets
   * {@code wordMasks[blocks(length)]} to 0.
   *
   * @return the number of digits
   */
  static int classify(byte[] bytes, int length, long[] wordMasks, long[] markMasks) {
    return VECTOR_API
        ? VectorApiBlocks.classify(bytes, length, wordMasks, markMasks)
        : classifyScalar(bytes, length, wordMasks, markMasks);
  }

  /** {@link #classify} eight bytes at a time in 64-bit words, for JVMs without the Vector API. */
  static int classifyScalar(byte[] bytes, int length, long[] wordMasks, long[] markMasks) {
    int blocks = blocks(length);
    int digits = 0;
    for (int b = 0; b < blocks; b++) {
      int at = b << 6;
      long word = 0;
      long mark = 0;
      for (int k = 0; k < 8; k++) {
        long chunk = (long) LONG_LE.get(bytes, at + 8 * k);
        long digitBytes = inRange(chunk, '0', '9');
        long wordBytes = digitBytes | inRange(chunk | TO_LOWER, 'a', 'z');
        long markBytes = ~(wordBytes | inRange(chunk, ' ', ' ')) & HIGH_BITS;
        digits += Long.bitCount(digitBytes);
        word |= gather(wordBytes) << (8 * k);
        mark |= gather(markBytes) << (8 * k);
      }
      wordMasks[b] = word;
      markMasks[b] = mark & withinText(length - at);
    }
    wordMasks[blocks] = 0;
    return digits;
  }

  /** The bits of a block's bytes that are still text, when {@code remaining} bytes of it are. */
  static long withinText(int remaining) {
    return remaining >= 64 ? -1L : (1L << remaining) - 1;
  }

  /** The eight bytes from {@code at}, little-endian, with ASCII letters lower-cased. */
  static long lowerChunk(byte[] bytes, int at) {
    return (long) LONG_LE.get(bytes, at) | TO_LOWER;
  }

  /** A high bit in every byte of {@code v} within [lo, hi]; exact for bytes below 0x80. */
  private static long inRange(long v, int lo, int hi) {
    return (v + (0x80 - lo) * ONES) & ~(v + (0x7F - hi) * ONES) & HIGH_BITS;
  }

  /** Byte k's high bit becomes bit k of the result. */
  private static long gather(long highBits) {
    return ((highBits >>> 7) * GATHER) >>> 56;
  }
}
