package dev.swarm.inference.router;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.swarm.api.inference.ModelTier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Trains a {@link RouterModel} from labelled prompts: k-fold cross-validation first (stratified,
 * so every fold keeps the label mix), Platt calibration fitted on the out-of-fold scores, then the
 * final model on every example.
 *
 * <p>Deterministic: a fixed seed drives every shuffle and the iteration order is the input order,
 * so the same examples and options produce a byte-identical model file.
 *
 * <pre>{@code
 * List<LabelledPrompt> examples = LabelledPrompt.readJsonLines(reader);
 * TrainingReport report = RouterTrainer.train(examples, TrainingOptions.defaults());
 * report.model().write(Path.of("router.json"));
 * }</pre>
 *
 * <p>Runs on the caller's thread; CPU-bound.
 */
public final class RouterTrainer {
  private RouterTrainer() {}

  /** Trains with {@link TrainingOptions#defaults()}. */
  public static TrainingReport train(List<LabelledPrompt> examples) {
    return train(examples, TrainingOptions.defaults());
  }

  /**
   * Trains on {@code examples}.
   *
   * @throws IllegalArgumentException when there are fewer examples of either label than folds
   */
  public static TrainingReport train(List<LabelledPrompt> examples, TrainingOptions options) {
    Objects.requireNonNull(examples, "examples must not be null");
    Objects.requireNonNull(options, "options must not be null");
    long large = examples.stream().filter(e -> e.label() == ModelTier.LARGE).count();
    long small = examples.size() - large;
    if (large < options.folds() || small < options.folds()) {
      throw new IllegalArgumentException(
          "training needs at least " + options.folds() + " SMALL and " + options.folds()
              + " LARGE examples (one per fold) but got " + small + " SMALL and " + large + " LARGE");
    }
    Example[] data = encode(examples, options);
    int[] labels = new int[data.length];
    for (int i = 0; i < data.length; i++) {
      labels[i] = data[i].label;
    }

    int[] fold = stratifiedFolds(labels, options.folds(), new Random(options.seed()));
    Candidate best = null;
    for (double l2 : l2Candidates(options)) {
      Candidate candidate = crossValidate(data, labels, fold, options, l2);
      if (best == null || candidate.logLoss < best.logLoss) {
        best = candidate;
      }
    }
    double[] calibration = best.calibration;
    double[] probabilities = new double[data.length];
    for (int i = 0; i < data.length; i++) {
      probabilities[i] = RouterModel.sigmoid(calibration[0] * best.outOfFold[i] + calibration[1]);
    }
    CrossValidation crossValidation = new CrossValidation(
        options.folds(), data.length, Scores.auc(probabilities, labels),
        Scores.accuracy(probabilities, labels), Scores.calibrationError(probabilities, labels));

    int[] all = new int[data.length];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    LogisticFit fit = LogisticFit.fit(data, all, options, best.l2, new Random(options.seed()));
    EmbeddingModel embedder = options.embeddingModel();
    RouterModel model = fit.toModel(
        options.hashBits(), calibration[0], calibration[1],
        embedder == null ? null : embeddingName(embedder), crossValidation);
    return new TrainingReport(model, crossValidation, best.l2);
  }

  /**
   * The L2 strengths to try: the configured one and, when tuning, ten and a hundred times it, since
   * noisy real traffic usually wants more regularisation than a clean hand-labelled corpus.
   */
  private static double[] l2Candidates(TrainingOptions options) {
    if (!options.tuneL2() || options.l2() == 0) {
      return new double[] {options.l2()};
    }
    return new double[] {options.l2(), options.l2() * 10, options.l2() * 100};
  }

  /** Out-of-fold margins for one L2 strength, their Platt calibration and its log loss. */
  private static Candidate crossValidate(Example[] data, int[] labels, int[] fold, TrainingOptions options, double l2) {
    double[] outOfFold = new double[data.length];
    for (int k = 0; k < options.folds(); k++) {
      List<Integer> trainRows = new ArrayList<>();
      for (int i = 0; i < data.length; i++) {
        if (fold[i] != k) {
          trainRows.add(i);
        }
      }
      LogisticFit fit = LogisticFit.fit(data, rows(trainRows), options, l2, new Random(options.seed() + k + 1));
      for (int i = 0; i < data.length; i++) {
        if (fold[i] == k) {
          outOfFold[i] = fit.margin(data[i]);
        }
      }
    }
    double[] calibration = PlattScaling.fit(outOfFold, labels);
    double loss = 0;
    for (int i = 0; i < data.length; i++) {
      double p = RouterModel.sigmoid(calibration[0] * outOfFold[i] + calibration[1]);
      p = Math.min(Math.max(p, 1e-12), 1 - 1e-12);
      loss -= labels[i] == 1 ? Math.log(p) : Math.log(1 - p);
    }
    return new Candidate(l2, outOfFold, calibration, loss / data.length);
  }

  private record Candidate(double l2, double[] outOfFold, double[] calibration, double logLoss) {}

  static String embeddingName(EmbeddingModel model) {
    String name = model.modelName();
    return name == null || name.isBlank() || "unknown".equals(name) ? model.getClass().getName() : name;
  }

  private static Example[] encode(List<LabelledPrompt> examples, TrainingOptions options) {
    float[][] embeddings = null;
    EmbeddingModel embedder = options.embeddingModel();
    if (embedder != null) {
      List<TextSegment> segments = examples.stream().map(e -> TextSegment.from(e.prompt())).toList();
      List<Embedding> vectors = embedder.embedAll(segments).content();
      embeddings = new float[vectors.size()][];
      for (int i = 0; i < embeddings.length; i++) {
        embeddings[i] = vectors.get(i).vector();
      }
    }
    int mask = (1 << options.hashBits()) - 1;
    Example[] data = new Example[examples.size()];
    for (int i = 0; i < data.length; i++) {
      LabelledPrompt example = examples.get(i);
      try (Extraction features = PromptFeatures.extract(example.prompt())) {
        int count = features.termCount;
        data[i] = new Example(
            features.termIndices(mask), count == 0 ? 0 : 1 / Math.sqrt(count), features.dense.clone(),
            embeddings == null ? new float[0] : embeddings[i], example.label() == ModelTier.LARGE ? 1 : 0);
      }
    }
    return data;
  }

  private static int[] stratifiedFolds(int[] labels, int folds, Random random) {
    int[] fold = new int[labels.length];
    for (int label = 0; label <= 1; label++) {
      List<Integer> members = new ArrayList<>();
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] == label) {
          members.add(i);
        }
      }
      int[] order = rows(members);
      shuffle(order, random);
      for (int i = 0; i < order.length; i++) {
        fold[order[i]] = i % folds;
      }
    }
    return fold;
  }

  static void shuffle(int[] values, Random random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
  }

  private static int[] rows(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }

  /** One encoded training example. */
  record Example(int[] terms, double termScale, double[] dense, float[] embedding, int label) {}
}
