package dev.swarm.a2a.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swarm.api.ContextId;
import dev.swarm.api.TaskId;
import dev.swarm.api.TaskStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The server's dialect-neutral view of A2A tasks, messages and events; rendered by {@link ProtocolJson}. */
final class TaskModel {
  private TaskModel() {}

  /** One content part: text, or structured data. */
  record Part(@Nullable String text, @Nullable JsonNode data) {
    Part {
      if ((text == null) == (data == null)) {
        throw new IllegalArgumentException("a part holds exactly one of text or data");
      }
    }

    static Part text(String text) {
      return new Part(text, null);
    }

    /** The part as plain text, so data parts still reach an agent that only reads text. */
    String asText() {
      return text != null ? text : Objects.requireNonNull(data).toString();
    }
  }

  /** A message in a task's history or status. */
  record Message(String messageId, boolean fromAgent, List<Part> parts, TaskId taskId, ContextId contextId) {
    Message {
      parts = List.copyOf(parts);
    }
  }

  /** An artifact, or one chunk of it when carried by an {@link ArtifactEvent}. */
  record Artifact(String artifactId, String name, String text) {}

  /** Something that happened to a task, streamed to subscribers and webhooks in order. */
  sealed interface Event permits StatusEvent, ArtifactEvent {}

  /** The task moved to a status. */
  record StatusEvent(TaskStatus status, @Nullable Message message, Instant at) implements Event {}

  /** The task produced (a chunk of) an artifact. */
  record ArtifactEvent(Artifact artifact, boolean append, boolean lastChunk) implements Event {}

  /** A consistent snapshot of one task. */
  record TaskView(
      TaskId id,
      ContextId contextId,
      StatusEvent status,
      List<Artifact> artifacts,
      List<Message> history,
      Map<String, String> metadata) {
    TaskView {
      artifacts = List.copyOf(artifacts);
      history = List.copyOf(history);
      metadata = Map.copyOf(metadata);
    }
  }
}
