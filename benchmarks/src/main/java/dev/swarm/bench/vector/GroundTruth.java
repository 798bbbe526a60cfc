package dev.swarm.bench.vector;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.IntStream;

/** Exact nearest neighbours by brute force, and recall measured against them. */
final class GroundTruth {
  private GroundTruth() {}

  /** For each query, the ids (row numbers) of its {@code k} nearest corpus vectors by dot product. */
  static int[][] nearest(float[][] corpus, float[][] queries, int k) {
    return IntStream.range(0, queries.length).parallel().mapToObj(q -> {
      float[] query = queries[q];
      float[] best = new float[k];
      int[] ids = new int[k];
      Arrays.fill(best, Float.NEGATIVE_INFINITY);
      for (int i = 0; i < corpus.length; i++) {
        float score = dot(corpus[i], query);
        if (score > best[k - 1]) {
          int at = k - 1;
          while (at > 0 && best[at - 1] < score) {
            best[at] = best[at - 1];
            ids[at] = ids[at - 1];
            at--;
          }
          best[at] = score;
          ids[at] = i;
        }
      }
      return ids;
    }).toArray(int[][]::new);
  }

  /** The share of true neighbours found, over all queries. */
  static double recall(int[][] truth, List<? extends Collection<Integer>> found) {
    long hits = 0;
    long total = 0;
    for (int q = 0; q < truth.length; q++) {
      for (int id : truth[q]) {
        hits += found.get(q).contains(id) ? 1 : 0;
      }
      total += truth[q].length;
    }
    return (double) hits / total;
  }

  static float dot(float[] a, float[] b) {
    float sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
