package dev.swarm.a2a.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A webhook a client registered for a task's events.
 *
 * @param id the config's id, unique within its task
 * @param taskId the task
 * @param url where events are POSTed
 * @param token echoed in {@code X-A2A-Notification-Token} so the receiver can check the sender
 * @param scheme the HTTP authentication scheme of the {@code Authorization} header, or null
 * @param credentials the credentials after the scheme, or null
 */
record PushConfig(
    String id, String taskId, URI url, @Nullable String token, @Nullable String scheme, @Nullable String credentials) {

  /** Parses a config from either dialect's params; the url is checked separately. */
  static PushConfig parse(JsonNode params, Dialect dialect, String taskId) {
    JsonNode body = dialect == Dialect.V0_3 ? params.path("pushNotificationConfig") : params;
    if (!body.isObject()) {
      throw RpcError.invalidParams("params.pushNotificationConfig is required");
    }
    String url = ProtocolJson.requiredText(body, "url");
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw RpcError.invalidParams("url is not a valid URI: " + url);
    }
    String id = ProtocolJson.optionalText(body, "id");
    JsonNode auth = body.path("authentication");
    String scheme = null;
    String credentials = null;
    if (auth.isObject()) {
      scheme = auth.path("schemes").isArray() && !auth.path("schemes").isEmpty()
          ? auth.path("schemes").get(0).asText()
          : ProtocolJson.optionalText(auth, "scheme");
      credentials = ProtocolJson.optionalText(auth, "credentials");
    }
    return new PushConfig(
        id != null ? id : UUID.randomUUID().toString(), taskId, uri, ProtocolJson.optionalText(body, "token"), scheme, credentials);
  }

  /** This config registered for {@code newTaskId}. */
  PushConfig forTask(String newTaskId) {
    return new PushConfig(id, newTaskId, url, token, scheme, credentials);
  }

  /** The config as the wire shows it. */
  ObjectNode render(Dialect dialect) {
    ObjectNode config = ProtocolJson.NODES.objectNode();
    config.put("id", id);
    if (dialect == Dialect.V1_0) {
      config.put("taskId", taskId);
    }
    config.put("url", url.toString());
    if (token != null) {
      config.put("token", token);
    }
    if (scheme != null) {
      ObjectNode auth = config.putObject("authentication");
      if (dialect == Dialect.V1_0) {
        auth.put("scheme", scheme);
      } else {
        auth.putArray("schemes").add(scheme);
      }
      if (credentials != null) {
        auth.put("credentials", credentials);
      }
    }
    if (dialect == Dialect.V1_0) {
      return config;
    }
    ObjectNode wrapper = ProtocolJson.NODES.objectNode();
    wrapper.put("taskId", taskId);
    wrapper.set("pushNotificationConfig", config);
    return wrapper;
  }
}
