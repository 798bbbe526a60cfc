package dev.swarm.inference.router;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Quality measures of probabilistic scores against 0/1 labels. */
final class Scores {
  private static final int CALIBRATION_BINS = 10;

  private Scores() {}

  /** The area under the ROC curve (Mann-Whitney U, ties counted half). */
  static double auc(double[] scores, int[] labels) {
    Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
    double positiveRanks = 0;
    long positives = 0;
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (labels[order[k]] == 1) {
          positiveRanks += rank;
          positives++;
        }
      }
      i = j + 1;
    }
    long negatives = scores.length - positives;
    if (positives == 0 || negatives == 0) {
      return 0.5;
    }
    return (positiveRanks - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  /** The share of scores on the side of 0.5 that matches the label. */
  static double accuracy(double[] probabilities, int[] labels) {
    int right = 0;
    for (int i = 0; i < probabilities.length; i++) {
      if ((probabilities[i] >= 0.5 ? 1 : 0) == labels[i]) {
        right++;
      }
    }
    return (double) right / probabilities.length;
  }

  /** The expected calibration error over ten equal-width probability bins. */
  static double calibrationError(double[] probabilities, int[] labels) {
    double[] predicted = new double[CALIBRATION_BINS];
    double[] observed = new double[CALIBRATION_BINS];
    int[] counts = new int[CALIBRATION_BINS];
    for (int i = 0; i < probabilities.length; i++) {
      int bin = Math.min((int) (probabilities[i] * CALIBRATION_BINS), CALIBRATION_BINS - 1);
      predicted[bin] += probabilities[i];
      observed[bin] += labels[i];
      counts[bin]++;
    }
    double error = 0;
    for (int b = 0; b < CALIBRATION_BINS; b++) {
      if (counts[b] > 0) {
        error += Math.abs(predicted[b] - observed[b]) / probabilities.length;
      }
    }
    return Math.min(error, 1);
  }
}
