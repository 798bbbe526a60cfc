package dev.swarm.a2a.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarm.api.Task;
import dev.swarm.api.TaskStatus;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Maps between swarm's records and A2A 1.0 ProtoJSON trees, in the client's direction. */
final class Wire {
  /** Message metadata key carrying {@link Task#skill()}, which A2A has no field for. */
  static final String SKILL = "skill";
  static final String CORRELATION_ID = "correlationId";

  private Wire() {}

  /**
   * The params of SendMessage / SendStreamingMessage for a task. The message id is the task id, so
   * every retry of one task carries the same id and a deduplicating peer runs it once.
   */
  static ObjectNode sendParams(Task task, @Nullable String tenant) {
    ObjectNode params = JsonRpc.JSON.createObjectNode();
    if (tenant != null) {
      params.put("tenant", tenant);
    }
    ObjectNode message = params.putObject("message");
    message.put("messageId", task.id().value());
    message.put("contextId", task.contextId().value());
    message.put("role", "ROLE_USER");
    message.putArray("parts").addObject().put("text", task.input());
    ObjectNode metadata = message.putObject("metadata");
    task.metadata().forEach(metadata::put);
    if (task.skill() != null) {
      metadata.put(SKILL, task.skill());
    }
    metadata.put(CORRELATION_ID, task.correlationId());
    params.putObject("configuration").putArray("acceptedOutputModes").add("text/plain");
    return params;
  }

  /** The params of GetTask, CancelTask and SubscribeToTask. */
  static ObjectNode taskIdParams(String remoteTaskId, @Nullable String tenant) {
    ObjectNode params = JsonRpc.JSON.createObjectNode();
    if (tenant != null) {
      params.put("tenant", tenant);
    }
    params.put("id", remoteTaskId);
    return params;
  }

  /**
   * The swarm status of an A2A state: the 1.0 {@code TASK_STATE_*} names, and the 0.3 lowercase
   * names some peers still send. Empty for UNSPECIFIED or anything unknown.
   */
  static Optional<TaskStatus> status(String state) {
    String name = state.startsWith("TASK_STATE_") ? state.substring("TASK_STATE_".length()) : state;
    String normalized = name.toUpperCase(Locale.ROOT).replace('-', '_');
    if (normalized.equals("CANCELLED")) {
      return Optional.of(TaskStatus.CANCELED);
    }
    for (TaskStatus status : TaskStatus.values()) {
      if (status.name().equals(normalized)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }

  /** The state of a Task or TaskStatus tree, when it names one we know. */
  static Optional<TaskStatus> stateOf(JsonNode statusNode) {
    return status(statusNode.path("state").asText(""));
  }

  /** The text parts of a parts array, joined; other part kinds carry no text for swarm. */
  static String text(JsonNode parts) {
    StringBuilder text = new StringBuilder();
    if (parts instanceof ArrayNode array) {
      for (JsonNode part : array) {
        JsonNode value = part.get("text");
        if (value != null && value.isTextual()) {
          text.append(value.asText());
        }
      }
    }
    return text.toString();
  }

  /** The text of a status's message, or empty. */
  static String statusText(JsonNode statusNode) {
    return text(statusNode.path("message").path("parts"));
  }

  /** A non-blank string field, treating proto3's empty string as unset. */
  static Optional<String> field(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value != null && value.isTextual() && !value.asText().isBlank()
        ? Optional.of(value.asText())
        : Optional.empty();
  }
}
