package dev.swarm.inference.router;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarm.api.inference.ModelTier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A trained router: L2-regularised logistic regression over hashed word and word-pair terms, the
 * lexical and structural features, and optionally a sentence embedding, followed by Platt
 * calibration so that {@code score} is a probability the prompt needs the large model.
 *
 * <p>Immutable and thread-safe. Stored as versioned JSON ({@value #FORMAT} version {@value
 * #VERSION}); {@link #read(Path)} rejects anything else with a message naming what was wrong.
 */
public final class RouterModel {
  /** The {@code format} field every model file carries. */
  public static final String FORMAT = "swarm-router";

  /** The file version this class reads and writes. */
  public static final int VERSION = 2;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final int hashBits;
  private final int hashMask;
  /** The hashed term weights with their cue slots marked, as scoring reads them ({@link PromptFeatures#termTable}). */
  private final long[] termTable;
  private final double[] denseMean;
  private final double[] denseScale;
  private final double[] denseWeights;
  private final double bias;
  private final double calibrationSlope;
  private final double calibrationIntercept;
  private final @Nullable String embeddingModel;
  private final double[] embeddingWeights;
  private final CrossValidation crossValidation;

  /** @param termTable the hashed term weights as {@link PromptFeatures#termTable} lays them out */
  RouterModel(
      int hashBits,
      long[] termTable,
      double[] denseMean,
      double[] denseScale,
      double[] denseWeights,
      double bias,
      double calibrationSlope,
      double calibrationIntercept,
      @Nullable String embeddingModel,
      double[] embeddingWeights,
      CrossValidation crossValidation) {
    this.hashBits = hashBits;
    this.hashMask = (1 << hashBits) - 1;
    this.termTable = termTable;
    this.denseMean = denseMean;
    this.denseScale = denseScale;
    this.denseWeights = denseWeights;
    this.bias = bias;
    this.calibrationSlope = calibrationSlope;
    this.calibrationIntercept = calibrationIntercept;
    this.embeddingModel = embeddingModel;
    this.embeddingWeights = embeddingWeights;
    this.crossValidation = crossValidation;
  }

  /** The out-of-fold quality measured when this model was trained. */
  public CrossValidation crossValidation() {
    return crossValidation;
  }

  /**
   * The name of the embedding model whose vectors this model was trained on, when it uses one; a
   * {@link TaskMaster} over this model needs that embedding model.
   */
  public java.util.Optional<String> embeddingModel() {
    return java.util.Optional.ofNullable(embeddingModel);
  }

  int embeddingDimension() {
    return embeddingWeights.length;
  }

  int hashBits() {
    return hashBits;
  }

  /** The probability that {@code prompt} needs the large model, given its embedding if used. */
  double probability(String prompt, float @Nullable [] embedding) {
    return calibrate(margin(prompt, embedding));
  }

  double calibrate(double margin) {
    return sigmoid(calibrationSlope * margin + calibrationIntercept);
  }

  /** The uncalibrated linear score; features come from a pooled {@link Extraction}, so a call allocates only a few bytes. */
  double margin(String prompt, float @Nullable [] embedding) {
    double margin = bias;
    try (Extraction features = PromptFeatures.extractForScoring(prompt, termTable)) {
      int count = features.termCount;
      if (count > 0) {
        margin += features.termWeightSum / Math.sqrt(count);
      }
      double[] dense = features.dense;
      for (int f = 0; f < dense.length; f++) {
        margin += denseWeights[f] * (dense[f] - denseMean[f]) / denseScale[f];
      }
    }
    if (embeddingWeights.length > 0) {
      checkEmbedding(embedding);
      for (int d = 0; d < embeddingWeights.length; d++) {
        margin += embeddingWeights[d] * embedding[d];
      }
    }
    return margin;
  }

  private void checkEmbedding(float @Nullable [] embedding) {
    if (embedding == null || embedding.length != embeddingWeights.length) {
      throw new IllegalArgumentException(
          "this router was trained on " + embeddingWeights.length + "-dimensional embeddings from "
              + embeddingModel + " but got " + (embedding == null ? "none" : embedding.length + " dimensions"));
    }
  }

  /**
   * This model after one online gradient step towards {@code label} for {@code prompt}, so an
   * outcome (a small answer rejected and escalated is a LARGE label) changes later decisions.
   * The step is taken on the calibrated log loss; this model is left untouched.
   */
  RouterModel updatedWith(String prompt, float @Nullable [] embedding, ModelTier label, double learningRate) {
    double[] dense;
    int[] terms;
    try (Extraction features = PromptFeatures.extract(prompt)) {
      dense = features.dense.clone();
      terms = features.termIndices(hashMask);
    }
    double y = label == ModelTier.LARGE ? 1 : 0;
    double error = (probability(prompt, embedding) - y) * calibrationSlope;
    double step = learningRate * error;
    long[] table = termTable.clone();
    if (terms.length > 0) {
      double x = 1 / Math.sqrt(terms.length);
      float delta = (float) (step * x);
      for (int index : terms) {
        table[index] = PromptFeatures.withWeight(table[index], PromptFeatures.weight(table[index]) - delta);
      }
    }
    double[] denseW = denseWeights.clone();
    for (int f = 0; f < denseW.length; f++) {
      denseW[f] -= step * (dense[f] - denseMean[f]) / denseScale[f];
    }
    double[] embeddingW = embeddingWeights.clone();
    if (embeddingW.length > 0) {
      checkEmbedding(embedding);
      for (int d = 0; d < embeddingW.length; d++) {
        embeddingW[d] -= step * embedding[d];
      }
    }
    return new RouterModel(hashBits, table, denseMean, denseScale, denseW, bias - step,
        calibrationSlope, calibrationIntercept, embeddingModel, embeddingW, crossValidation);
  }

  static double sigmoid(double z) {
    return 1 / (1 + StrictMath.exp(-z));
  }

  // ---------------------------------------------------------------- file format

  /** Loads the model file at {@code path}. @throws IllegalArgumentException when it is not a valid model file */
  public static RouterModel read(Path path) {
    Objects.requireNonNull(path, "path must not be null");
    try (InputStream in = Files.newInputStream(path)) {
      return read(in, path.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read router model " + path, e);
    }
  }

  /**
   * Loads a model file from {@code in}, which is left open.
   *
   * @throws IllegalArgumentException when it is corrupt, truncated, of another format or version, or
   *     inconsistent, naming the first problem found
   */
  public static RouterModel read(InputStream in) {
    Objects.requireNonNull(in, "in must not be null");
    return read(in, "stream");
  }

  private static RouterModel read(InputStream in, String source) {
    JsonNode root;
    try {
      root = JSON.readTree(in);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "router model " + source + " is not valid JSON (corrupt or truncated): " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read router model " + source, e);
    }
    return ModelFile.parse(root, source);
  }

  /** Writes this model to {@code path} as pretty-printed JSON, replacing the file. */
  public void write(Path path) {
    Objects.requireNonNull(path, "path must not be null");
    try (OutputStream out = Files.newOutputStream(path)) {
      write(out);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write router model " + path, e);
    }
  }

  /**
   * Writes this model to {@code out}, which is left open. The output is deterministic: the same
   * model always writes the same bytes, so a retrained default can be compared byte for byte.
   */
  public void write(OutputStream out) {
    Objects.requireNonNull(out, "out must not be null");
    try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      g.writeNumberField("version", VERSION);
      g.writeNumberField("hashBits", hashBits);
      g.writeObjectFieldStart("crossValidation");
      g.writeNumberField("folds", crossValidation.folds());
      g.writeNumberField("examples", crossValidation.examples());
      g.writeNumberField("auc", crossValidation.auc());
      g.writeNumberField("accuracy", crossValidation.accuracy());
      g.writeNumberField("calibrationError", crossValidation.calibrationError());
      g.writeEndObject();
      g.writeObjectFieldStart("calibration");
      g.writeNumberField("slope", calibrationSlope);
      g.writeNumberField("intercept", calibrationIntercept);
      g.writeEndObject();
      g.writeNumberField("bias", bias);
      g.writeArrayFieldStart("denseFeatures");
      for (String name : PromptFeatures.DENSE_NAMES) {
        g.writeString(name);
      }
      g.writeEndArray();
      writeArray(g, "denseMean", denseMean);
      writeArray(g, "denseScale", denseScale);
      writeArray(g, "denseWeights", denseWeights);
      if (embeddingModel != null) {
        g.writeStringField("embeddingModel", embeddingModel);
        writeArray(g, "embeddingWeights", embeddingWeights);
      }
      g.writeObjectFieldStart("hashed");
      g.writeArrayFieldStart("indices");
      for (int i = 0; i < termTable.length; i++) {
        if (PromptFeatures.weight(termTable[i]) != 0) {
          g.writeNumber(i);
        }
      }
      g.writeEndArray();
      g.writeArrayFieldStart("weights");
      for (long slot : termTable) {
        float w = PromptFeatures.weight(slot);
        if (w != 0) {
          g.writeNumber(w);
        }
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
      g.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("could not write router model", e);
    }
  }

  private static void writeArray(JsonGenerator g, String name, double[] values) throws IOException {
    g.writeArrayFieldStart(name);
    for (double v : values) {
      g.writeNumber(v);
    }
    g.writeEndArray();
  }

  @Override
  public String toString() {
    return "RouterModel[hashBits=" + hashBits + ", embedding=" + embeddingModel + ", " + crossValidation + "]";
  }
}
