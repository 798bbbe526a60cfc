package dev.swarm.inference.router;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;

/**
 * Reads the JSON tree of a router model file, checking every field so a damaged file fails at load
 * time with a message naming the field, never later as a wrong score.
 */
final class ModelFile {
  private static final int MIN_HASH_BITS = 8;
  private static final int MAX_HASH_BITS = 24;

  private final JsonNode root;
  private final String source;

  private ModelFile(JsonNode root, String source) {
    this.root = root;
    this.source = source;
  }

  static RouterModel parse(JsonNode root, String source) {
    return new ModelFile(root, source).parse();
  }

  private RouterModel parse() {
    if (root == null || !root.isObject()) {
      throw bad("must be a JSON object");
    }
    String format = text(root, "format");
    if (!RouterModel.FORMAT.equals(format)) {
      throw bad("has format '" + format + "' but a " + RouterModel.FORMAT + " file was expected");
    }
    int version = (int) number(root, "version");
    if (version != RouterModel.VERSION) {
      throw bad("is version " + version + " but this build reads version " + RouterModel.VERSION
          + "; retrain it with swarm train-router");
    }
    int hashBits = (int) number(root, "hashBits");
    if (hashBits < MIN_HASH_BITS || hashBits > MAX_HASH_BITS) {
      throw bad("field 'hashBits' must be in [" + MIN_HASH_BITS + ", " + MAX_HASH_BITS + "] but was " + hashBits);
    }
    JsonNode names = root.get("denseFeatures");
    String[] expected = PromptFeatures.DENSE_NAMES;
    if (names == null || !names.isArray() || names.size() != expected.length) {
      throw bad("field 'denseFeatures' must list the " + expected.length + " features " + Arrays.toString(expected));
    }
    for (int i = 0; i < expected.length; i++) {
      if (!expected[i].equals(names.get(i).asText())) {
        throw bad("field 'denseFeatures' has '" + names.get(i).asText() + "' at position " + i
            + " where '" + expected[i] + "' was expected");
      }
    }
    double[] mean = numbers(root, "denseMean", expected.length);
    double[] scale = numbers(root, "denseScale", expected.length);
    for (int i = 0; i < scale.length; i++) {
      if (!(scale[i] > 0)) {
        throw bad("field 'denseScale' must hold positive numbers but has " + scale[i] + " at position " + i);
      }
    }
    double[] weights = numbers(root, "denseWeights", expected.length);
    JsonNode embeddingName = root.get("embeddingModel");
    String embeddingModel = embeddingName == null || embeddingName.isNull() ? null : text(root, "embeddingModel");
    double[] embeddingWeights =
        embeddingModel == null ? new double[0] : numbers(root, "embeddingWeights", -1);
    JsonNode calibration = object(root, "calibration");
    JsonNode validation = object(root, "crossValidation");
    CrossValidation crossValidation;
    try {
      crossValidation = new CrossValidation(
          (int) number(validation, "folds"), (int) number(validation, "examples"), number(validation, "auc"),
          number(validation, "accuracy"), number(validation, "calibrationError"));
    } catch (IllegalArgumentException e) {
      throw bad("field 'crossValidation' is invalid: " + e.getMessage());
    }
    return new RouterModel(
        hashBits, PromptFeatures.termTable(hashed(hashBits)), mean, scale, weights, number(root, "bias"),
        number(calibration, "slope"), number(calibration, "intercept"), embeddingModel, embeddingWeights,
        crossValidation);
  }

  private float[] hashed(int hashBits) {
    JsonNode hashed = object(root, "hashed");
    JsonNode indices = hashed.get("indices");
    JsonNode weights = hashed.get("weights");
    if (indices == null || !indices.isArray() || weights == null || !weights.isArray()) {
      throw bad("field 'hashed' must hold arrays 'indices' and 'weights'");
    }
    if (indices.size() != weights.size()) {
      throw bad("field 'hashed' has " + indices.size() + " indices but " + weights.size() + " weights");
    }
    float[] table = new float[1 << hashBits];
    for (int i = 0; i < indices.size(); i++) {
      JsonNode index = indices.get(i);
      JsonNode weight = weights.get(i);
      if (!index.canConvertToInt() || index.asInt() < 0 || index.asInt() >= table.length) {
        throw bad("field 'hashed.indices' has " + index + " at position " + i + ", outside [0, " + table.length + ")");
      }
      if (!weight.isNumber() || !Double.isFinite(weight.asDouble())) {
        throw bad("field 'hashed.weights' has " + weight + " at position " + i + ", not a finite number");
      }
      table[index.asInt()] = (float) weight.asDouble();
    }
    return table;
  }

  private JsonNode object(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || !node.isObject()) {
      throw bad("is missing the object field '" + field + "'");
    }
    return node;
  }

  private String text(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || !node.isTextual()) {
      throw bad("is missing the text field '" + field + "'");
    }
    return node.asText();
  }

  private double number(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || !node.isNumber() || !Double.isFinite(node.asDouble())) {
      throw bad("is missing the numeric field '" + field + "' (or it is not a finite number)");
    }
    return node.asDouble();
  }

  private double[] numbers(JsonNode parent, String field, int expectedLength) {
    JsonNode node = parent.get(field);
    if (node == null || !node.isArray()) {
      throw bad("is missing the array field '" + field + "'");
    }
    if (expectedLength >= 0 && node.size() != expectedLength) {
      throw bad("field '" + field + "' must have " + expectedLength + " numbers but has " + node.size());
    }
    double[] values = new double[node.size()];
    for (int i = 0; i < values.length; i++) {
      JsonNode value = node.get(i);
      if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
        throw bad("field '" + field + "' has " + value + " at position " + i + ", not a finite number");
      }
      values[i] = value.asDouble();
    }
    return values;
  }

  private IllegalArgumentException bad(String problem) {
    return new IllegalArgumentException("router model " + source + " " + problem);
  }
}
