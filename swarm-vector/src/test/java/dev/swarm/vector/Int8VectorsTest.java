package dev.swarm.vector;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class Int8VectorsTest {
  private static final int DIM = 384;

  @Test
  void dot4_approximatesTheExactDotProductOfUnitVectors() {
    Int8Vectors codes = new Int8Vectors(DIM);
    float[][] vectors = TestVectors.unitVectors(400, DIM, 11);
    for (int i = 0; i < vectors.length; i++) {
      codes.set(i, vectors[i]);
    }
    float[] query = TestVectors.unitVectors(1, DIM, 12)[0];
    float[] scores = new float[vectors.length];
    int[] ordinals = new int[vectors.length];
    for (int i = 0; i < ordinals.length; i++) {
      ordinals[i] = i;
    }

    for (int i = 0; i < ordinals.length; i += 4) {
      codes.dot4(query, ordinals, i, scores);
    }

    double worst = 0;
    for (int i = 0; i < vectors.length; i++) {
      worst = Math.max(worst, Math.abs(scores[i] - DotProducts.scalarFloat32(query, vectors[i])));
    }
    // Each component is off by at most half a step of its vector's scale (largest / 127).
    assertThat(worst).isLessThan(0.004);
  }

  @Test
  void set_acrossChunkBoundaries_keepsEveryOrdinalsOwnCode() {
    Int8Vectors codes = new Int8Vectors(DIM);
    int[] ordinals = {0, 1023, 1024, 5000};
    float[][] vectors = TestVectors.unitVectors(ordinals.length, DIM, 13);
    for (int i = 0; i < ordinals.length; i++) {
      codes.set(ordinals[i], vectors[i]);
    }
    float[] scores = new float[4];

    for (int i = 0; i < ordinals.length; i++) {
      codes.dot4(vectors[i], ordinals, 0, scores);
      for (int j = 0; j < ordinals.length; j++) {
        float exact = DotProducts.scalarFloat32(vectors[i], vectors[j]);
        assertThat(scores[j]).as("query %d against ordinal %d", i, ordinals[j])
            .isCloseTo(exact, Offset.offset(0.004f));
      }
      assertThat(scores[i]).isCloseTo(1f, Offset.offset(0.004f));
    }
  }

  @Test
  void release_ofEveryOrdinalInAChunk_dropsTheChunkAndNoOther() {
    Int8Vectors codes = new Int8Vectors(DIM);
    float[] unit = TestVectors.unitVectors(1, DIM, 14)[0];
    for (int ordinal = 0; ordinal < 2_100; ordinal++) {
      codes.set(ordinal, unit);
    }
    assertThat(codes.chunksHeld()).isEqualTo(3);

    for (int ordinal = 0; ordinal < 1_023; ordinal++) {
      codes.release(ordinal);
    }
    assertThat(codes.chunksHeld()).isEqualTo(3);
    codes.release(1_023);
    codes.release(1_024);

    assertThat(codes.chunksHeld()).isEqualTo(2);
    float[] scores = new float[4];
    codes.dot4(unit, new int[] {1_025, 1_500, 2_047, 2_099}, 0, scores);
    assertThat(scores).containsExactly(new float[] {1f, 1f, 1f, 1f}, Offset.offset(0.004f));
  }
}
