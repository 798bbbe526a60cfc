package dev.swarm.inference.router;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarm.api.inference.ModelTier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A prompt labelled with the tier that handles it well: {@link ModelTier#SMALL} when a small model
 * suffices, {@link ModelTier#LARGE} when it would likely get it wrong.
 *
 * @param prompt the prompt text, not blank
 * @param label the tier it needs
 */
public record LabelledPrompt(String prompt, ModelTier label) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Validates. */
  public LabelledPrompt {
    Objects.requireNonNull(prompt, "prompt must not be null");
    Objects.requireNonNull(label, "label must not be null");
    if (prompt.isBlank()) {
      throw new IllegalArgumentException("prompt must not be blank");
    }
  }

  /** A prompt labelled {@code label}. */
  public static LabelledPrompt of(String prompt, ModelTier label) {
    return new LabelledPrompt(prompt, label);
  }

  /**
   * Reads JSON Lines of {@code {"prompt":…,"label":"SMALL|LARGE"}}, as {@code swarm train-router}
   * takes them on standard input. Other fields (such as {@code family}) are ignored and blank lines
   * skipped; the label is case-insensitive.
   *
   * @throws IllegalArgumentException naming the line number and what is wrong with it
   * @throws UncheckedIOException when {@code reader} fails
   */
  public static List<LabelledPrompt> readJsonLines(Reader reader) {
    Objects.requireNonNull(reader, "reader must not be null");
    List<LabelledPrompt> prompts = new ArrayList<>();
    BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
    try {
      String line;
      int number = 0;
      while ((line = lines.readLine()) != null) {
        number++;
        if (!line.isBlank()) {
          prompts.add(parse(line, number));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read labelled prompts", e);
    }
    return List.copyOf(prompts);
  }

  private static LabelledPrompt parse(String line, int number) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("line " + number + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("line " + number + " must be a JSON object with prompt and label");
    }
    JsonNode prompt = node.get("prompt");
    if (prompt == null || !prompt.isTextual() || prompt.asText().isBlank()) {
      throw new IllegalArgumentException("line " + number + " needs a non-blank string field 'prompt'");
    }
    JsonNode label = node.get("label");
    String text = label == null || !label.isTextual() ? "" : label.asText().strip().toUpperCase(Locale.ROOT);
    ModelTier tier =
        switch (text) {
          case "SMALL" -> ModelTier.SMALL;
          case "LARGE" -> ModelTier.LARGE;
          default -> throw new IllegalArgumentException(
              "line " + number + " field 'label' must be SMALL or LARGE but was " + label);
        };
    return new LabelledPrompt(prompt.asText(), tier);
  }
}
