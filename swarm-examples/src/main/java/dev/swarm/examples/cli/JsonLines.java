package dev.swarm.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The JSON Lines loop every line-oriented command shares: one JSON object in, one JSON object out,
 * in input order, flushed per line so another program can drive the command interactively.
 *
 * <p>The first bad line (not JSON, not an object, a missing or mistyped field) stops the loop with
 * a message on stderr naming the line number and the field; outputs for earlier lines have already
 * been written, so nothing accepted is lost.
 */
final class JsonLines {
  /** Exit status for bad input, as picocli uses for usage errors. */
  static final int BAD_INPUT = 2;

  /** Shared mapper: bounded nesting and string length, so a hostile line cannot exhaust memory. */
  static final ObjectMapper MAPPER = new ObjectMapper();

  static {
    MAPPER.getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(1 << 20).build());
  }

  /** Turns one input object into one output object; throws {@link BadLine} on bad input. */
  @FunctionalInterface
  interface Handler {
    ObjectNode handle(Line line);
  }

  /** A bad field or value in one input line. */
  static final class BadLine extends RuntimeException {
    BadLine(String message) {
      super(message);
    }
  }

  /** One parsed input line. */
  record Line(int number, ObjectNode json) {
    /** The string value of {@code field}; a bad line when missing, null, blank or not a string. */
    String requiredText(String field) {
      JsonNode value = json.get(field);
      if (value == null || value.isNull()) {
        throw new BadLine("missing field '" + field + "'");
      }
      if (!value.isTextual()) {
        throw new BadLine("field '" + field + "' must be a string but was " + value.getNodeType().name().toLowerCase(Locale.ROOT));
      }
      if (value.asText().isBlank()) {
        throw new BadLine("field '" + field + "' must not be blank");
      }
      return value.asText();
    }

    /** The line's {@code id}, to echo back as given: a string or a number. */
    JsonNode requiredId() {
      JsonNode id = json.get("id");
      if (id == null || id.isNull()) {
        throw new BadLine("missing field 'id'");
      }
      if (!id.isTextual() && !id.isNumber()) {
        throw new BadLine("field 'id' must be a string or a number but was " + id.getNodeType().name().toLowerCase(Locale.ROOT));
      }
      return id;
    }
  }

  private JsonLines() {}

  /** Runs the loop; returns 0 when every line was answered, {@link #BAD_INPUT} at the first bad one. */
  static int run(BufferedReader in, PrintWriter out, PrintWriter err, Handler handler) throws IOException {
    int number = 0;
    for (String text = in.readLine(); text != null; text = in.readLine()) {
      number++;
      if (text.isBlank()) {
        continue;
      }
      ObjectNode output;
      try {
        output = handler.handle(new Line(number, parseObject(text)));
      } catch (BadLine e) {
        err.println("line " + number + ": " + e.getMessage());
        err.flush();
        return BAD_INPUT;
      }
      out.println(MAPPER.writeValueAsString(output));
      out.flush();
    }
    return 0;
  }

  private static ObjectNode parseObject(String text) {
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new BadLine("not valid JSON: " + e.getOriginalMessage());
    }
    if (!(node instanceof ObjectNode object)) {
      throw new BadLine("expected a JSON object but got " + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT)));
    }
    return object;
  }
}
