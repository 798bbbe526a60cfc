package dev.swarm.vector;

import java.util.Random;

/** Seeded vectors for index mechanics; quality figures use real MiniLM embeddings in benchmarks. */
final class TestVectors {
  private TestVectors() {}

  static float[][] unitVectors(int count, int dimension, long seed) {
    Random random = new Random(seed);
    float[][] vectors = new float[count][dimension];
    for (float[] v : vectors) {
      double norm = 0;
      for (int i = 0; i < dimension; i++) {
        v[i] = (float) random.nextGaussian();
        norm += v[i] * v[i];
      }
      float scale = (float) (1 / Math.sqrt(norm));
      for (int i = 0; i < dimension; i++) {
        v[i] *= scale;
      }
    }
    return vectors;
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0, na = 0, nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }
}
