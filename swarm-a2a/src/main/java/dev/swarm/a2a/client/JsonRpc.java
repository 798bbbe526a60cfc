package dev.swarm.a2a.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarm.api.SwarmException;
import java.util.concurrent.atomic.AtomicLong;

/** JSON-RPC 2.0 envelopes: builds requests and unwraps responses into a result or a typed failure. */
final class JsonRpc {
  static final ObjectMapper JSON = new ObjectMapper();

  private final AtomicLong nextId = new AtomicLong(1);

  /** A request with a fresh integer id, as the JS SDK sends; the id is returned in the envelope. */
  ObjectNode request(String method, ObjectNode params) {
    ObjectNode request = JSON.createObjectNode();
    request.put("jsonrpc", "2.0");
    request.put("id", nextId.getAndIncrement());
    request.put("method", method);
    request.set("params", params);
    return request;
  }

  static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a JSON tree, which Jackson always can", e);
    }
  }

  /**
   * Parses one response text from {@code peer}.
   *
   * @throws SwarmException.Permanent if the text is not a JSON-RPC response
   */
  static JsonNode parse(String text, String peer) {
    try {
      JsonNode node = JSON.readTree(text);
      if (node == null || !node.isObject()) {
        throw new SwarmException.Permanent(
            "A2A peer " + peer + " sent a response that is not a JSON object: " + abbreviate(text));
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new SwarmException.Permanent(
          "A2A peer " + peer + " sent invalid JSON: " + abbreviate(text), e);
    }
  }

  /**
   * The result of a response envelope, or the typed failure its error member describes.
   *
   * @throws RuntimeException an {@link A2aFailure} for an error, a Permanent exception for a
   *     response with neither result nor error
   */
  static JsonNode unwrap(JsonNode response, String method, String peer) {
    JsonNode error = response.get("error");
    if (error != null && !error.isNull()) {
      throw failure(error, method, peer);
    }
    if (!response.has("result")) {
      throw new SwarmException.Permanent(
          "A2A peer " + peer + " answered " + method + " with neither result nor error: "
              + abbreviate(response.toString()));
    }
    return response.get("result");
  }

  /** The typed exception for a JSON-RPC error object. */
  static RuntimeException failure(JsonNode error, String method, String peer) {
    int code = error.path("code").asInt(0);
    String message = error.path("message").asText("");
    A2aError mapped = A2aError.fromCode(code);
    if (mapped == A2aError.UNKNOWN) {
      // A server may use its own code but still name the spec's reason in ErrorInfo.
      for (JsonNode detail : error.path("data")) {
        mapped = A2aError.fromReason(detail.path("reason").asText("")).orElse(mapped);
      }
    }
    return A2aFailure.of(
        mapped,
        code,
        "A2A peer " + peer + " answered " + method + " with error " + code + " " + mapped.reason()
            + (message.isBlank() ? "" : ": " + message));
  }

  static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
