package dev.swarm.vector;

/**
 * The dot products a graph walk computes: a float query with int8 codes while it walks, and with
 * full float vectors when it rescores. They run on the Vector API when the JVM has it and the CPU
 * has 256-bit vectors, else one component at a time.
 *
 * <p>The Vector API is an incubator module a JVM only has when started with {@code --add-modules
 * jdk.incubator.vector}; the check runs before {@link VectorApiDot} is touched, so an index works,
 * more slowly, without the flag. The four-at-once forms exist because a walk waits on memory more
 * than it computes: four vectors read in one pass have their loads in flight together.
 */
final class DotProducts {
  private static final boolean VECTOR_API =
      ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() && VectorApiDot.supported();

  private DotProducts() {}

  /** Whether the dot products run on the Vector API in this JVM. */
  static boolean vectorized() {
    return VECTOR_API;
  }

  /**
   * {@code query} dotted with four int8 codes, each {@code query.length} long from its offset, into
   * {@code into[at .. at + 4)}.
   */
  static void int8x4(float[] query, byte[] codes0, int offset0, byte[] codes1, int offset1,
      byte[] codes2, int offset2, byte[] codes3, int offset3, float[] into, int at) {
    if (VECTOR_API) {
      VectorApiDot.int8x4(query, codes0, offset0, codes1, offset1, codes2, offset2, codes3, offset3, into, at);
    } else {
      into[at] = scalarInt8(query, codes0, offset0);
      into[at + 1] = scalarInt8(query, codes1, offset1);
      into[at + 2] = scalarInt8(query, codes2, offset2);
      into[at + 3] = scalarInt8(query, codes3, offset3);
    }
  }

  /** {@code query} dotted with four vectors of its length, into {@code into[0..3]}. */
  static void float32x4(float[] query, float[] vector0, float[] vector1, float[] vector2, float[] vector3,
      float[] into) {
    if (VECTOR_API) {
      VectorApiDot.float32x4(query, vector0, vector1, vector2, vector3, into);
    } else {
      into[0] = scalarFloat32(query, vector0);
      into[1] = scalarFloat32(query, vector1);
      into[2] = scalarFloat32(query, vector2);
      into[3] = scalarFloat32(query, vector3);
    }
  }

  static float scalarInt8(float[] query, byte[] codes, int offset) {
    float sum = 0;
    for (int i = 0; i < query.length; i++) {
      sum += query[i] * codes[offset + i];
    }
    return sum;
  }

  static float scalarFloat32(float[] query, float[] vector) {
    float sum = 0;
    for (int i = 0; i < query.length; i++) {
      sum += query[i] * vector[i];
    }
    return sum;
  }
}
