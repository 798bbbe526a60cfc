package dev.swarm.inference.router;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.swarm.api.SwarmConfig;
import dev.swarm.api.inference.Complexity;
import dev.swarm.api.inference.ModelTier;
import dev.swarm.api.inference.TaskClassifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The learned complexity router: scores how likely a prompt needs the large model, reads the score
 * against the simple and complex thresholds, and picks a tier, sending MEDIUM prompts where its
 * {@link MediumPolicy} says.
 *
 * <pre>{@code
 * TaskMaster router = TaskMaster.withDefaultModel();
 * Complexity c = router.classify("Extract the invoice number as JSON: INV-2291, due 3 May");
 * ModelTier tier = router.tierFor(c); // SMALL
 * }</pre>
 *
 * <p>Called on the caller's thread; thread-safe. Scoring a 1 KB prompt on lexical features takes
 * about two microseconds of CPU and allocates only its 32-byte result; with an embedding model it
 * also embeds the prompt, which costs far more.
 * {@link #recordOutcome} swaps in an updated model atomically, so concurrent scoring sees either
 * the old or the new one.
 */
public final class TaskMaster implements TaskClassifier {
  /** Where the shipped default model lives on the classpath. */
  public static final String DEFAULT_MODEL_RESOURCE = "/dev/swarm/inference/default-router.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final AtomicReference<RouterModel> model;
  private final double simpleThreshold;
  private final double complexThreshold;
  private final MediumPolicy mediumPolicy;
  private final @Nullable EmbeddingModel embeddingModel;
  private final double learningRate;

  private TaskMaster(Builder b) {
    this.model = new AtomicReference<>(b.model);
    this.simpleThreshold = b.simpleThreshold;
    this.complexThreshold = b.complexThreshold;
    this.mediumPolicy = b.mediumPolicy;
    this.embeddingModel = b.embeddingModel;
    this.learningRate = b.learningRate;
  }

  /** A router over the shipped default model with thresholds 0.3 and 0.7 and MEDIUM sent large. */
  public static TaskMaster withDefaultModel() {
    return builder(defaultModel()).build();
  }

  /** A router over the shipped default model configured from {@code config}'s thresholds. */
  public static TaskMaster withDefaultModel(SwarmConfig config) {
    return builder(defaultModel()).config(config).build();
  }

  /** A builder over {@code model}. */
  public static Builder builder(RouterModel model) {
    return new Builder(model);
  }

  /** The shipped default model, trained on the corpus in this module's resources. */
  public static RouterModel defaultModel() {
    return DefaultModel.MODEL;
  }

  /** Scores {@code prompt}: the probability it needs the large model, its level and a confidence. */
  @Override
  public Complexity classify(String prompt) {
    Objects.requireNonNull(prompt, "prompt must not be null");
    double p = model.get().probability(prompt, embed(prompt));
    // Confidence is the distance from a coin flip: 0 at p = 0.5, 1 at p = 0 or 1.
    return Complexity.of(p, Math.abs(2 * p - 1), simpleThreshold, complexThreshold);
  }

  /** The tier for {@code complexity}: SIMPLE small, COMPLEX large, MEDIUM by the medium policy. */
  public ModelTier tierFor(Complexity complexity) {
    return mediumPolicy.tierFor(complexity);
  }

  /** Scores {@code prompt} and picks its tier. */
  public RouteDecision route(String id, String prompt) {
    Complexity complexity = classify(prompt);
    return new RouteDecision(id, complexity, tierFor(complexity));
  }

  /**
   * Answers one {@code swarm route} input line {@code {"id":…,"prompt":…}} with its output line
   * {@code {"id":…,"score":p,"level":…,"confidence":c,"tier":…}}; the id is echoed as given (string
   * or number).
   *
   * @throws IllegalArgumentException when the line is not a JSON object with a string prompt
   */
  public String routeJsonLine(String line) {
    Objects.requireNonNull(line, "line must not be null");
    JsonNode input;
    try {
      input = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("route input is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (input == null || !input.isObject()) {
      throw new IllegalArgumentException("route input must be a JSON object {\"id\":…,\"prompt\":…} but was " + line);
    }
    JsonNode prompt = input.get("prompt");
    if (prompt == null || !prompt.isTextual()) {
      throw new IllegalArgumentException("route input needs a string field 'prompt' but was " + line);
    }
    Complexity complexity = classify(prompt.asText());
    ObjectNode output = JSON.createObjectNode();
    output.set("id", input.get("id"));
    return fill(output, complexity, tierFor(complexity)).toString();
  }

  static ObjectNode fill(ObjectNode node, Complexity complexity, ModelTier tier) {
    return node.put("score", complexity.score())
        .put("level", complexity.level().name())
        .put("confidence", complexity.confidence())
        .put("tier", tier.name());
  }

  /**
   * Learns from an outcome: {@code neededTier} is the tier that turned out to be needed for
   * {@code prompt} (a small-model answer rejected and escalated is {@link ModelTier#LARGE}). Later
   * scores of similar prompts move towards it.
   *
   * <p>Each outcome copies the hashed weight table (512 KB at the default 17 hash bits) so readers
   * never see a half-applied step: meant for per-call outcomes, not bulk retraining, which {@link
   * RouterTrainer} does.
   */
  public void recordOutcome(String prompt, ModelTier neededTier) {
    Objects.requireNonNull(prompt, "prompt must not be null");
    Objects.requireNonNull(neededTier, "neededTier must not be null");
    float[] embedding = embed(prompt);
    model.updateAndGet(m -> m.updatedWith(prompt, embedding, neededTier, learningRate));
  }

  /** The model in use now, online updates included; write it to keep what was learned. */
  public RouterModel model() {
    return model.get();
  }

  private float @Nullable [] embed(String prompt) {
    return embeddingModel == null ? null : embeddingModel.embed(prompt).content().vector();
  }

  /** Builds a {@link TaskMaster}; every setter is optional. */
  public static final class Builder {
    private final RouterModel model;
    private double simpleThreshold = 0.3;
    private double complexThreshold = 0.7;
    private MediumPolicy mediumPolicy = MediumPolicy.LARGE;
    private @Nullable EmbeddingModel embeddingModel;
    private double learningRate = 0.5;

    private Builder(RouterModel model) {
      this.model = Objects.requireNonNull(model, "model must not be null");
    }

    /** Sets both thresholds (defaults 0.3 and 0.7). */
    public Builder thresholds(double simple, double complex) {
      simpleThreshold = simple;
      complexThreshold = complex;
      return this;
    }

    /** Takes the thresholds from {@code config} ({@code SIMPLE_THRESHOLD}, {@code COMPLEX_THRESHOLD}). */
    public Builder config(SwarmConfig config) {
      Objects.requireNonNull(config, "config must not be null");
      return thresholds(config.simpleThreshold(), config.complexThreshold());
    }

    /** Sets where MEDIUM prompts go (default {@link MediumPolicy#LARGE}). */
    public Builder mediumPolicy(MediumPolicy policy) {
      mediumPolicy = Objects.requireNonNull(policy, "mediumPolicy must not be null");
      return this;
    }

    /** Sets the embedding model; required when the model was trained with embeddings. */
    public Builder embeddingModel(EmbeddingModel model) {
      embeddingModel = Objects.requireNonNull(model, "embeddingModel must not be null");
      return this;
    }

    /** Sets the step size of online updates from outcomes (default 0.5). */
    public Builder learningRate(double value) {
      learningRate = value;
      return this;
    }

    /**
     * Builds the router.
     *
     * @throws IllegalArgumentException for thresholds outside [0, 1] or out of order, a
     *     non-positive learning rate, or a missing embedding model the router model needs
     */
    public TaskMaster build() {
      if (!(simpleThreshold >= 0 && simpleThreshold <= 1)) {
        throw new IllegalArgumentException("simpleThreshold must be in [0, 1] but was " + simpleThreshold);
      }
      if (!(complexThreshold >= 0 && complexThreshold <= 1)) {
        throw new IllegalArgumentException("complexThreshold must be in [0, 1] but was " + complexThreshold);
      }
      if (simpleThreshold > complexThreshold) {
        throw new IllegalArgumentException("simpleThreshold must be <= complexThreshold but was "
            + simpleThreshold + " > " + complexThreshold);
      }
      if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
        throw new IllegalArgumentException("learningRate must be a positive finite number but was " + learningRate);
      }
      if (model.embeddingModel().isPresent() && embeddingModel == null) {
        throw new IllegalArgumentException("the router model was trained on embeddings from "
            + model.embeddingModel().get() + "; pass that model with embeddingModel(...)");
      }
      if (model.embeddingModel().isEmpty() && embeddingModel != null) {
        throw new IllegalArgumentException(
            "the router model was trained without embeddings; drop embeddingModel(...) or retrain with one");
      }
      return new TaskMaster(this);
    }
  }

  /** Loads the shipped model once, on first use. */
  private static final class DefaultModel {
    static final RouterModel MODEL = load();

    private static RouterModel load() {
      try (InputStream in = TaskMaster.class.getResourceAsStream(DEFAULT_MODEL_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("the default router model " + DEFAULT_MODEL_RESOURCE
              + " is missing from the classpath; rebuild swarm-inference");
        }
        return RouterModel.read(in);
      } catch (IOException e) {
        throw new UncheckedIOException("could not read the default router model " + DEFAULT_MODEL_RESOURCE, e);
      }
    }
  }
}
