package dev.swarm.inference.router;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ByteBlocks#classify} on the Vector API: a 64-byte block is two 32-byte vectors, and each
 * byte class is a few lane-wise compares whose mask becomes 32 bits in one instruction. Only
 * loaded when the incubator module is present.
 */
final class VectorApiBlocks {
  private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_256;

  private VectorApiBlocks() {}

  /** Whether the CPU runs 256-bit vectors natively; emulated, they are slower than plain Java. */
  static boolean supported() {
    return ByteVector.SPECIES_PREFERRED.vectorBitSize() >= BYTES.vectorBitSize();
  }

  static int classify(byte[] bytes, int length, long[] wordMasks, long[] markMasks) {
    int blocks = ByteBlocks.blocks(length);
    int digits = 0;
    for (int b = 0; b < blocks; b++) {
      int at = b << 6;
      ByteVector low = ByteVector.fromArray(BYTES, bytes, at);
      ByteVector high = ByteVector.fromArray(BYTES, bytes, at + 32);
      long digit = bits(digits(low), digits(high));
      long word = digit | bits(letters(low), letters(high));
      long space = bits(low.compare(VectorOperators.EQ, (byte) ' '), high.compare(VectorOperators.EQ, (byte) ' '));
      digits += Long.bitCount(digit);
      wordMasks[b] = word;
      markMasks[b] = ~(word | space) & ByteBlocks.withinText(length - at);
    }
    wordMasks[blocks] = 0;
    return digits;
  }

  /**
   * '0' to '9'. Adding 0x80 - '0' moves them to the bottom of the signed byte range, so one signed
   * compare tests both ends (exact for ASCII, which is all this path sees).
   */
  private static VectorMask<Byte> digits(ByteVector v) {
    return v.add((byte) (0x80 - '0')).compare(VectorOperators.LT, (byte) (-0x80 + 10));
  }

  /** 'a' to 'z' after OR-ing in 0x20, which lower-cases 'A' to 'Z'; the same shift as digits. */
  private static VectorMask<Byte> letters(ByteVector v) {
    return v.or((byte) 0x20).add((byte) (0x80 - 'a')).compare(VectorOperators.LT, (byte) (-0x80 + 26));
  }

  private static long bits(VectorMask<Byte> low, VectorMask<Byte> high) {
    return (low.toLong() & 0xFFFFFFFFL) | high.toLong() << 32;
  }
}
