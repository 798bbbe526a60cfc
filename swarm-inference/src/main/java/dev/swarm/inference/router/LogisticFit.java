package dev.swarm.inference.router;

import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * L2-regularised logistic regression fitted by AdaGrad stochastic gradient descent, with the two
 * labels weighted to equal total mass so a skewed corpus does not bias the boundary (calibration
 * restores the true base rate afterwards).
 */
final class LogisticFit {
  private static final double EPSILON = 1e-8;
  // Large traffic logs need fewer passes to converge; capping passes keeps training a few minutes.
  private static final long MAX_EXAMPLE_PASSES = 1_000_000;
  private static final int MIN_EPOCHS = 2;

  private final double[] hashed;
  private final double[] dense;
  private final double[] embedding;
  private final double[] mean;
  private final double[] scale;
  private double bias;

  private LogisticFit(int hashSize, int embeddingSize, double[] mean, double[] scale) {
    this.hashed = new double[hashSize];
    this.dense = new double[PromptFeatures.DENSE];
    this.embedding = new double[embeddingSize];
    this.mean = mean;
    this.scale = scale;
  }

  static LogisticFit fit(
      RouterTrainer.Example[] data, int[] rows, TrainingOptions options, double l2, Random random) {
    double[] mean = new double[PromptFeatures.DENSE];
    double[] scale = new double[PromptFeatures.DENSE];
    standardisation(data, rows, mean, scale);
    int embeddingSize = data[rows[0]].embedding().length;
    LogisticFit fit = new LogisticFit(1 << options.hashBits(), embeddingSize, mean, scale);

    int positives = 0;
    for (int row : rows) {
      positives += data[row].label();
    }
    double positiveWeight = rows.length / (2.0 * Math.max(1, positives));
    double negativeWeight = rows.length / (2.0 * Math.max(1, rows.length - positives));

    double[] hashedSquares = new double[fit.hashed.length];
    double[] denseSquares = new double[fit.dense.length];
    double[] embeddingSquares = new double[embeddingSize];
    double biasSquares = 0;
    double rate = options.learningRate();
    int[] order = rows.clone();
    double[] x = new double[PromptFeatures.DENSE];
    int epochs = (int) Math.min(options.epochs(), Math.max(MIN_EPOCHS, MAX_EXAMPLE_PASSES / rows.length));
    for (int epoch = 0; epoch < epochs; epoch++) {
      RouterTrainer.shuffle(order, random);
      for (int row : order) {
        RouterTrainer.Example e = data[row];
        double p = RouterModel.sigmoid(fit.margin(e));
        double g = (p - e.label()) * (e.label() == 1 ? positiveWeight : negativeWeight);
        biasSquares += g * g;
        fit.bias -= rate * g / Math.sqrt(biasSquares + EPSILON);
        for (int t : e.terms()) {
          double grad = g * e.termScale() + l2 * fit.hashed[t];
          hashedSquares[t] += grad * grad;
          fit.hashed[t] -= rate * grad / Math.sqrt(hashedSquares[t] + EPSILON);
        }
        fit.standardised(e, x);
        for (int f = 0; f < x.length; f++) {
          double grad = g * x[f] + l2 * fit.dense[f];
          denseSquares[f] += grad * grad;
          fit.dense[f] -= rate * grad / Math.sqrt(denseSquares[f] + EPSILON);
        }
        for (int d = 0; d < embeddingSize; d++) {
          double grad = g * e.embedding()[d] + l2 * fit.embedding[d];
          embeddingSquares[d] += grad * grad;
          fit.embedding[d] -= rate * grad / Math.sqrt(embeddingSquares[d] + EPSILON);
        }
      }
    }
    return fit;
  }

  private static void standardisation(RouterTrainer.Example[] data, int[] rows, double[] mean, double[] scale) {
    for (int row : rows) {
      for (int f = 0; f < mean.length; f++) {
        mean[f] += data[row].dense()[f];
      }
    }
    for (int f = 0; f < mean.length; f++) {
      mean[f] /= rows.length;
    }
    for (int row : rows) {
      for (int f = 0; f < mean.length; f++) {
        double d = data[row].dense()[f] - mean[f];
        scale[f] += d * d;
      }
    }
    for (int f = 0; f < scale.length; f++) {
      double sd = Math.sqrt(scale[f] / rows.length);
      // A feature constant over the data gets scale 1: it then contributes nothing either way.
      scale[f] = sd > 1e-9 ? sd : 1;
    }
  }

  private void standardised(RouterTrainer.Example e, double[] x) {
    for (int f = 0; f < x.length; f++) {
      x[f] = (e.dense()[f] - mean[f]) / scale[f];
    }
  }

  double margin(RouterTrainer.Example e) {
    double m = bias;
    double sum = 0;
    for (int t : e.terms()) {
      sum += hashed[t];
    }
    m += sum * e.termScale();
    for (int f = 0; f < dense.length; f++) {
      m += dense[f] * (e.dense()[f] - mean[f]) / scale[f];
    }
    for (int d = 0; d < embedding.length; d++) {
      m += embedding[d] * e.embedding()[d];
    }
    return m;
  }

  RouterModel toModel(
      int hashBits, double slope, double intercept, @Nullable String embeddingModel, CrossValidation crossValidation) {
    float[] weights = new float[hashed.length];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (float) hashed[i];
    }
    return new RouterModel(hashBits, PromptFeatures.termTable(weights), mean, scale, dense.clone(), bias, slope,
        intercept, embeddingModel, embedding.clone(), crossValidation);
  }
}
