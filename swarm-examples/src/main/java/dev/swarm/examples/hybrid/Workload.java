package dev.swarm.examples.hybrid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarm.api.Checks;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The hybrid swarm's mixed workload: prompts across the families users route (JSON extraction,
 * email parsing, classification, reformatting, short facts, code, summaries, reasoning, math,
 * creative writing, strategy), shipped with the examples.
 */
public final class Workload {
  private static final String RESOURCE = "/dev/swarm/examples/hybrid/workload.jsonl";

  /**
   * One prompt of the workload.
   *
   * @param family the kind of task, e.g. {@code json-extraction}
   * @param prompt the prompt
   */
  public record Item(String family, String prompt) {
    /** Validates. */
    public Item {
      Checks.notBlank(family, "family");
      Checks.notBlank(prompt, "prompt");
    }
  }

  private Workload() {}

  /** The shipped workload, in file order (families interleaved round-robin so any prefix is mixed). */
  public static List<Item> shipped() {
    try (InputStream in = Objects.requireNonNull(Workload.class.getResourceAsStream(RESOURCE), RESOURCE + " is missing");
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      ObjectMapper json = new ObjectMapper();
      List<List<Item>> byFamily = new ArrayList<>();
      String previous = "";
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode node = json.readTree(line);
        Item item = new Item(node.path("family").asText(), node.path("prompt").asText());
        if (!item.family().equals(previous)) {
          byFamily.add(new ArrayList<>());
          previous = item.family();
        }
        byFamily.getLast().add(item);
      }
      return interleave(byFamily);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the hybrid workload " + RESOURCE, e);
    }
  }

  /** The first {@code count} prompts of the shipped workload, cycling when asked for more. */
  public static List<Item> take(int count) {
    Checks.positive(count, "count");
    List<Item> all = shipped();
    List<Item> taken = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      taken.add(all.get(i % all.size()));
    }
    return taken;
  }

  private static List<Item> interleave(List<List<Item>> groups) {
    List<Item> out = new ArrayList<>();
    for (int round = 0; ; round++) {
      boolean any = false;
      for (List<Item> group : groups) {
        if (round < group.size()) {
          out.add(group.get(round));
          any = true;
        }
      }
      if (!any) {
        return out;
      }
    }
  }
}
