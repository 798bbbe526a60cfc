package dev.swarm.a2a.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swarm.api.TaskStatus;

/** Reads A2A {@code StreamResponse} results: which kind an event is and whether it ends a stream. */
final class StreamEvents {
  private StreamEvents() {}

  /**
   * Whether the protocol ends a stream after this event: a direct message, or a task or status in
   * a terminal or interrupted state (spec sections 3.1.2 and 11.7).
   */
  static boolean endsStream(JsonNode result) {
    if (result.has("message")) {
      return true;
    }
    JsonNode status =
        result.has("task") ? result.path("task").path("status") : result.path("statusUpdate").path("status");
    return Wire.stateOf(status).map(TaskStatus::endsStream).orElse(false);
  }
}
