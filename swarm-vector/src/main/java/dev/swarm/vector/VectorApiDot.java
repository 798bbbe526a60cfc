package dev.swarm.vector;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DotProducts} on the Vector API, eight lanes of 32 bits per step. Each call keeps four
 * sums, one per vector, so their fused multiply-adds overlap instead of waiting on each other,
 * and reads each part of the query once for all four. Only loaded when the incubator module is
 * present.
 */
final class VectorApiDot {
  private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_256;
  private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_64;
  private static final int LANES = FLOATS.length();

  private VectorApiDot() {}

  /** Whether the CPU runs 256-bit vectors natively; emulated, they are slower than plain Java. */
  static boolean supported() {
    return FloatVector.SPECIES_PREFERRED.vectorBitSize() >= FLOATS.vectorBitSize();
  }

  static void int8x4(float[] query, byte[] codes0, int offset0, byte[] codes1, int offset1,
      byte[] codes2, int offset2, byte[] codes3, int offset3, float[] into, int at) {
    FloatVector sum0 = FloatVector.zero(FLOATS);
    FloatVector sum1 = sum0;
    FloatVector sum2 = sum0;
    FloatVector sum3 = sum0;
    int i = 0;
    for (int end = query.length - LANES; i <= end; i += LANES) {
      FloatVector q = FloatVector.fromArray(FLOATS, query, i);
      sum0 = widened(codes0, offset0 + i).fma(q, sum0);
      sum1 = widened(codes1, offset1 + i).fma(q, sum1);
      sum2 = widened(codes2, offset2 + i).fma(q, sum2);
      sum3 = widened(codes3, offset3 + i).fma(q, sum3);
    }
    float dot0 = sum0.reduceLanes(VectorOperators.ADD);
    float dot1 = sum1.reduceLanes(VectorOperators.ADD);
    float dot2 = sum2.reduceLanes(VectorOperators.ADD);
    float dot3 = sum3.reduceLanes(VectorOperators.ADD);
    for (; i < query.length; i++) {
      dot0 += query[i] * codes0[offset0 + i];
      dot1 += query[i] * codes1[offset1 + i];
      dot2 += query[i] * codes2[offset2 + i];
      dot3 += query[i] * codes3[offset3 + i];
    }
    into[at] = dot0;
    into[at + 1] = dot1;
    into[at + 2] = dot2;
    into[at + 3] = dot3;
  }

  static void float32x4(float[] query, float[] vector0, float[] vector1, float[] vector2, float[] vector3,
      float[] into) {
    FloatVector sum0 = FloatVector.zero(FLOATS);
    FloatVector sum1 = sum0;
    FloatVector sum2 = sum0;
    FloatVector sum3 = sum0;
    int i = 0;
    for (int end = query.length - LANES; i <= end; i += LANES) {
      FloatVector q = FloatVector.fromArray(FLOATS, query, i);
      sum0 = FloatVector.fromArray(FLOATS, vector0, i).fma(q, sum0);
      sum1 = FloatVector.fromArray(FLOATS, vector1, i).fma(q, sum1);
      sum2 = FloatVector.fromArray(FLOATS, vector2, i).fma(q, sum2);
      sum3 = FloatVector.fromArray(FLOATS, vector3, i).fma(q, sum3);
    }
    float dot0 = sum0.reduceLanes(VectorOperators.ADD);
    float dot1 = sum1.reduceLanes(VectorOperators.ADD);
    float dot2 = sum2.reduceLanes(VectorOperators.ADD);
    float dot3 = sum3.reduceLanes(VectorOperators.ADD);
    for (; i < query.length; i++) {
      dot0 += query[i] * vector0[i];
      dot1 += query[i] * vector1[i];
      dot2 += query[i] * vector2[i];
      dot3 += query[i] * vector3[i];
    }
    into[0] = dot0;
    into[1] = dot1;
    into[2] = dot2;
    into[3] = dot3;
  }

  private static FloatVector widened(byte[] codes, int offset) {
    return (FloatVector) ByteVector.fromArray(BYTES, codes, offset).convertShape(VectorOperators.B2F, FLOATS, 0);
  }
}
