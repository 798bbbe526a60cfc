package dev.swarm.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DotProductsTest {
  @Test
  void vectorApi_isOnInTheTestJvm() {
    // Surefire starts the JVM with --add-modules jdk.incubator.vector, as the launcher and JMH do;
    // without it every comparison below would test the scalar path against itself.
    assertThat(DotProducts.vectorized()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 8, 9, 31, 32, 33, 384, 385})
  void int8x4_matchesTheScalarSumForEveryLength(int length) {
    Random random = new Random(length);
    float[] query = gaussian(random, length);
    byte[] codes = new byte[5 * length + 3];
    random.nextBytes(codes);
    int[] offsets = {3, length + 3, 4 * length + 3, 2 * length + 3};
    float[] into = {-1, -1, -1, -1, -1, -1, -1};

    DotProducts.int8x4(query, codes, offsets[0], codes, offsets[1], codes, offsets[2], codes, offsets[3], into, 2);

    assertThat(into[0]).isEqualTo(-1);
    assertThat(into[1]).isEqualTo(-1);
    assertThat(into[6]).isEqualTo(-1);
    for (int i = 0; i < 4; i++) {
      float expected = DotProducts.scalarInt8(query, codes, offsets[i]);
      assertThat(into[2 + i]).isCloseTo(expected, Offset.offset(1e-3f * (1 + Math.abs(expected))));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 8, 9, 31, 32, 33, 384, 385})
  void float32x4_matchesTheScalarSumForEveryLength(int length) {
    Random random = new Random(-length);
    float[] query = gaussian(random, length);
    float[][] vectors = {gaussian(random, length), gaussian(random, length), gaussian(random, length),
        gaussian(random, length)};
    float[] into = new float[4];

    DotProducts.float32x4(query, vectors[0], vectors[1], vectors[2], vectors[3], into);

    for (int i = 0; i < 4; i++) {
      float expected = DotProducts.scalarFloat32(query, vectors[i]);
      assertThat(into[i]).isCloseTo(expected, Offset.offset(1e-4f * (1 + Math.abs(expected))));
    }
  }

  private static float[] gaussian(Random random, int length) {
    float[] v = new float[length];
    for (int i = 0; i < length; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return v;
  }
}
