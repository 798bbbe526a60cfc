package dev.swarm.inference.router;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How {@link RouterTrainer} trains: folds for cross-validation, epochs, learning rate, L2 strength,
 * hash table size, the seed that makes training reproducible, and an optional embedding model.
 *
 * <pre>{@code
 * TrainingOptions options = TrainingOptions.builder().folds(10).seed(7).build();
 * }</pre>
 *
 * @param folds cross-validation folds, at least 2 (default 5)
 * @param epochs passes over the data, at least 1 (default 40); on large data sets fewer, so that
 *     no fit makes more than a million example updates (but always at least two passes)
 * @param learningRate the AdaGrad step size, positive (default 0.3)
 * @param l2 the L2 regularisation strength, zero or more (default 1e-4)
 * @param hashBits log2 of the hashed term table size, in [8, 24] (default 17); a model holds 8
 *     bytes per slot, 1 MB at the default and 128 MB at 24
 * @param seed the seed of every shuffle, so the same data train the same model byte for byte
 * @param tuneL2 whether to also try 10 and 100 times {@code l2} and keep the strength with the
 *     lowest out-of-fold log loss (default true)
 * @param embeddingModel a sentence embedding model whose vectors join the features, or null
 */
public record TrainingOptions(
    int folds, int epochs, double learningRate, double l2, boolean tuneL2, int hashBits, long seed,
    @Nullable EmbeddingModel embeddingModel) {

  /** Validates; messages name the setting and echo the value. */
  public TrainingOptions {
    if (folds < 2) {
      throw new IllegalArgumentException("folds must be >= 2 but was " + folds);
    }
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be >= 1 but was " + epochs);
    }
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learningRate must be a positive finite number but was " + learningRate);
    }
    if (!(l2 >= 0) || Double.isInfinite(l2)) {
      throw new IllegalArgumentException("l2 must be a finite number >= 0 but was " + l2);
    }
    if (hashBits < 8 || hashBits > 24) {
      throw new IllegalArgumentException("hashBits must be in [8, 24] but was " + hashBits);
    }
  }

  /** The defaults, which trained the shipped model. */
  public static TrainingOptions defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link TrainingOptions}; every setter is optional. */
  public static final class Builder {
    private int folds = 5;
    private int epochs = 40;
    private double learningRate = 0.3;
    private double l2 = 1e-4;
    private boolean tuneL2 = true;
    private int hashBits = 17;
    private long seed = 20_260_101L;
    private @Nullable EmbeddingModel embeddingModel;

    private Builder() {}

    /** Sets the cross-validation folds (default 5). */
    public Builder folds(int value) {
      folds = value;
      return this;
    }

    /** Sets the passes over the data (default 40). */
    public Builder epochs(int value) {
      epochs = value;
      return this;
    }

    /** Sets the AdaGrad step size (default 0.3). */
    public Builder learningRate(double value) {
      learningRate = value;
      return this;
    }

    /** Sets the L2 strength (default 1e-4). */
    public Builder l2(double value) {
      l2 = value;
      return this;
    }

    /** Sets whether to tune the L2 strength by cross-validation (default true). */
    public Builder tuneL2(boolean value) {
      tuneL2 = value;
      return this;
    }

    /** Sets log2 of the hashed term table size (default 17). */
    public Builder hashBits(int value) {
      hashBits = value;
      return this;
    }

    /** Sets the shuffle seed. */
    public Builder seed(long value) {
      seed = value;
      return this;
    }

    /** Adds sentence embeddings from {@code model} to the features (default: none). */
    public Builder embeddingModel(EmbeddingModel model) {
      embeddingModel = Objects.requireNonNull(model, "embeddingModel must not be null");
      return this;
    }

    /** Builds the options, validating every setting. */
    public TrainingOptions build() {
      return new TrainingOptions(folds, epochs, learningRate, l2, tuneL2, hashBits, seed, embeddingModel);
    }
  }
}
