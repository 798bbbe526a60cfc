package dev.swarm.a2a.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarm.a2a.server.TaskModel.Artifact;
import dev.swarm.a2a.server.TaskModel.ArtifactEvent;
import dev.swarm.a2a.server.TaskModel.Event;
import dev.swarm.a2a.server.TaskModel.Message;
import dev.swarm.a2a.server.TaskModel.Part;
import dev.swarm.a2a.server.TaskModel.StatusEvent;
import dev.swarm.a2a.server.TaskModel.TaskView;
import dev.swarm.api.ContextId;
import dev.swarm.api.TaskId;
import dev.swarm.api.TaskStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Maps the server's task model to and from A2A JSON in both dialects. 1.0 is ProtoJSON (camelCase
 * fields, {@code TASK_STATE_*} enums, oneof wrappers such as {@code {"task":…}}); 0.3 tags objects
 * with {@code kind} and names states in lower-case kebab.
 */
final class ProtocolJson {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ProtocolJson() {}

  /** A message a client sent, as parsed from {@code params.message}. */
  record Incoming(
      String messageId,
      @Nullable String contextId,
      @Nullable String taskId,
      List<Part> parts,
      Map<String, String> metadata) {}

  // ---- states ----

  static String state(TaskStatus status, Dialect dialect) {
    return dialect == Dialect.V1_0
        ? "TASK_STATE_" + status.name()
        : status.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses a state name of either dialect. */
  static TaskStatus parseState(String name) {
    String upper = name.toUpperCase(Locale.ROOT).replace('-', '_');
    if (upper.startsWith("TASK_STATE_")) {
      upper = upper.substring("TASK_STATE_".length());
    }
    if (upper.equals("CANCELLED")) {
      upper = "CANCELED";
    }
    try {
      return TaskStatus.valueOf(upper);
    } catch (IllegalArgumentException e) {
      throw RpcError.invalidParams("status '" + name + "' is not a task state");
    }
  }

  // ---- rendering ----

  /**
   * A task as the wire shows it.
   *
   * @param historyLength the most history messages to include; negative for all, 0 for none
   */
  static ObjectNode task(TaskView view, Dialect dialect, int historyLength, boolean withArtifacts) {
    ObjectNode task = NODES.objectNode();
    if (dialect == Dialect.V0_3) {
      task.put("kind", "task");
    }
    task.put("id", view.id().value());
    task.put("contextId", view.contextId().value());
    task.set("status", status(view.status(), dialect));
    if (withArtifacts && !view.artifacts().isEmpty()) {
      ArrayNode artifacts = task.putArray("artifacts");
      view.artifacts().forEach(a -> artifacts.add(artifact(a, dialect)));
    }
    List<Message> history = view.history();
    if (historyLength != 0 && !history.isEmpty()) {
      int from = historyLength < 0 ? 0 : Math.max(0, history.size() - historyLength);
      ArrayNode out = task.putArray("history");
      history.subList(from, history.size()).forEach(m -> out.add(message(m, dialect)));
    }
    ObjectNode metadata = task.putObject("metadata");
    view.metadata().forEach(metadata::put);
    return task;
  }

  /** The result of SendMessage: wrapped in {@code {"task":…}} in 1.0, bare in 0.3. */
  static ObjectNode sendResult(TaskView view, Dialect dialect, int historyLength) {
    ObjectNode task = task(view, dialect, historyLength, true);
    if (dialect == Dialect.V0_3) {
      return task;
    }
    ObjectNode result = NODES.objectNode();
    result.set("task", task);
    return result;
  }

  /** The first event of a stream: the task itself. */
  static ObjectNode streamTask(TaskView view, Dialect dialect) {
    return sendResult(view, dialect, -1);
  }

  /** A later stream event. */
  static ObjectNode streamEvent(Event event, TaskId taskId, ContextId contextId, Dialect dialect) {
    ObjectNode body = NODES.objectNode();
    String wrapper;
    if (dialect == Dialect.V0_3) {
      body.put("kind", event instanceof StatusEvent ? "status-update" : "artifact-update");
    }
    body.put("taskId", taskId.value());
    body.put("contextId", contextId.value());
    switch (event) {
      case StatusEvent status -> {
        wrapper = "statusUpdate";
        body.set("status", status(status, dialect));
        if (dialect == Dialect.V0_3) {
          body.put("final", status.status().endsStream());
        }
      }
      case ArtifactEvent artifact -> {
        wrapper = "artifactUpdate";
        body.set("artifact", artifact(artifact.artifact(), dialect));
        body.put("append", artifact.append());
        body.put("lastChunk", artifact.lastChunk());
      }
    }
    if (dialect == Dialect.V0_3) {
      return body;
    }
    ObjectNode result = NODES.objectNode();
    result.set(wrapper, body);
    return result;
  }

  static ObjectNode status(StatusEvent status, Dialect dialect) {
    ObjectNode node = NODES.objectNode();
    node.put("state", state(status.status(), dialect));
    if (status.message() != null) {
      node.set("message", message(status.message(), dialect));
    }
    node.put("timestamp", status.at().toString());
    return node;
  }

  static ObjectNode message(Message message, Dialect dialect) {
    ObjectNode node = NODES.objectNode();
    if (dialect == Dialect.V0_3) {
      node.put("kind", "message");
    }
    node.put("messageId", message.messageId());
    node.put("contextId", message.contextId().value());
    node.put("taskId", message.taskId().value());
    node.put("role", dialect == Dialect.V1_0
        ? (message.fromAgent() ? "ROLE_AGENT" : "ROLE_USER")
        : (message.fromAgent() ? "agent" : "user"));
    node.set("parts", parts(message.parts(), dialect));
    return node;
  }

  static ObjectNode artifact(Artifact artifact, Dialect dialect) {
    ObjectNode node = NODES.objectNode();
    node.put("artifactId", artifact.artifactId());
    node.put("name", artifact.name());
    node.set("parts", parts(List.of(Part.text(artifact.text())), dialect));
    return node;
  }

  private static ArrayNode parts(List<Part> parts, Dialect dialect) {
    ArrayNode array = NODES.arrayNode();
    for (Part part : parts) {
      ObjectNode node = array.addObject();
      if (part.text() != null) {
        if (dialect == Dialect.V0_3) {
          node.put("kind", "text");
        }
        node.put("text", part.text());
        if (dialect == Dialect.V1_0) {
          node.put("mediaType", "text/plain");
        }
      } else {
        if (dialect == Dialect.V0_3) {
          node.put("kind", "data");
        }
        node.set("data", part.data());
        if (dialect == Dialect.V1_0) {
          node.put("mediaType", "application/json");
        }
      }
    }
    return array;
  }

  // ---- parsing ----

  /** Parses {@code params.message} of SendMessage / message/send. */
  static Incoming incoming(JsonNode params) {
    JsonNode message = params.path("message");
    if (!message.isObject()) {
      throw RpcError.invalidParams("params.message is required and must be an object");
    }
    String messageId = optionalText(message, "messageId");
    if (messageId == null) {
      throw RpcError.invalidParams("message.messageId is required");
    }
    String role = optionalText(message, "role");
    if (role != null && !role.equalsIgnoreCase("ROLE_USER") && !role.equalsIgnoreCase("user")) {
      throw RpcError.invalidParams("message.role must be ROLE_USER but was " + role);
    }
    JsonNode partsNode = message.path("parts");
    if (!partsNode.isArray() || partsNode.isEmpty()) {
      throw RpcError.invalidParams("message.parts is required and must be a non-empty array");
    }
    List<Part> parts = new ArrayList<>();
    for (int i = 0; i < partsNode.size(); i++) {
      JsonNode part = partsNode.get(i);
      if (part.path("text").isTextual()) {
        parts.add(Part.text(part.get("text").asText()));
      } else if (part.has("data") && !part.get("data").isNull()) {
        parts.add(new Part(null, part.get("data")));
      } else {
        throw new RpcError(
            RpcError.Code.CONTENT_TYPE_NOT_SUPPORTED,
            "message.parts[" + i + "] is not a text or data part; this agent reads text and JSON only");
      }
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    stringMap(params.path("metadata"), metadata);
    stringMap(message.path("metadata"), metadata);
    return new Incoming(
        messageId, optionalText(message, "contextId"), optionalText(message, "taskId"), parts, metadata);
  }

  private static void stringMap(JsonNode node, Map<String, String> into) {
    if (node.isObject()) {
      node.properties().forEach(e -> into.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
    }
  }

  /** A string field, with proto3's empty string read as unset. */
  static @Nullable String optionalText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw RpcError.invalidParams(field + " must be a string but was " + value.getNodeType());
    }
    return value.asText().isEmpty() ? null : value.asText();
  }

  static String requiredText(JsonNode node, String field) {
    String value = optionalText(node, field);
    if (value == null) {
      throw RpcError.invalidParams(field + " is required");
    }
    return value;
  }

  /** An integer field, or {@code fallback} when absent. */
  static int optionalInt(JsonNode node, String field, int fallback) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw RpcError.invalidParams(field + " must be an integer but was " + value);
    }
    return value.asInt();
  }
}
