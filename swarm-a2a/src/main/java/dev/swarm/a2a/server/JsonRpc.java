package dev.swarm.a2a.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The JSON-RPC 2.0 envelope: validating requests, building results and errors. */
final class JsonRpc {
  /** The A2A operations, whichever dialect names them. */
  enum Method {
    SEND,
    STREAM,
    GET,
    LIST,
    CANCEL,
    SUBSCRIBE,
    PUSH_CREATE,
    PUSH_GET,
    PUSH_LIST,
    PUSH_DELETE,
    EXTENDED_CARD;

    boolean streams() {
      return this == STREAM || this == SUBSCRIBE;
    }
  }

  private static final Map<String, Method> V1_0 = Map.ofEntries(
      Map.entry("SendMessage", Method.SEND),
      Map.entry("SendStreamingMessage", Method.STREAM),
      Map.entry("GetTask", Method.GET),
      Map.entry("ListTasks", Method.LIST),
      Map.entry("CancelTask", Method.CANCEL),
      Map.entry("SubscribeToTask", Method.SUBSCRIBE),
      Map.entry("CreateTaskPushNotificationConfig", Method.PUSH_CREATE),
      Map.entry("GetTaskPushNotificationConfig", Method.PUSH_GET),
      Map.entry("ListTaskPushNotificationConfigs", Method.PUSH_LIST),
      // The pre-final 1.0 name, still sent by early 1.0 SDKs.
      Map.entry("ListTaskPushNotificationConfig", Method.PUSH_LIST),
      Map.entry("DeleteTaskPushNotificationConfig", Method.PUSH_DELETE),
      Map.entry("GetExtendedAgentCard", Method.EXTENDED_CARD));

  private static final Map<String, Method> V0_3 = Map.ofEntries(
      Map.entry("message/send", Method.SEND),
      Map.entry("message/stream", Method.STREAM),
      Map.entry("tasks/get", Method.GET),
      Map.entry("tasks/cancel", Method.CANCEL),
      Map.entry("tasks/resubscribe", Method.SUBSCRIBE),
      Map.entry("tasks/pushNotificationConfig/set", Method.PUSH_CREATE),
      Map.entry("tasks/pushNotificationConfig/get", Method.PUSH_GET),
      Map.entry("tasks/pushNotificationConfig/list", Method.PUSH_LIST),
      Map.entry("tasks/pushNotificationConfig/delete", Method.PUSH_DELETE),
      Map.entry("agent/getAuthenticatedExtendedCard", Method.EXTENDED_CARD));

  private JsonRpc() {}

  /**
   * One validated request.
   *
   * @param id the request id, echoed with the type it arrived in
   * @param notification whether the request had no id, so it gets no answer
   */
  record Call(JsonNode id, boolean notification, Method method, Dialect dialect, JsonNode params) {}

  /**
   * The protocol version the {@code A2A-Version} header (or query parameter) asks for: empty
   * means 0.3 (spec §3.6.2), null means a version this server does not speak.
   */
  static @Nullable Dialect version(@Nullable String header) {
    if (header == null || header.isBlank() || header.trim().equals("0.3")) {
      return Dialect.V0_3;
    }
    String value = header.trim();
    return value.equals("1.0") || value.equals("1") ? Dialect.V1_0 : null;
  }

  /** The request's id if it has a valid one, else JSON null (for error answers). */
  static JsonNode idOf(JsonNode request) {
    JsonNode id = request.get("id");
    return id != null && (id.isTextual() || id.isNumber()) ? id : NullNode.getInstance();
  }

  /**
   * Validates the envelope and resolves the method.
   *
   * @param versionHeader the raw A2A-Version value
   */
  static Call parse(JsonNode request, @Nullable String versionHeader) {
    if (!request.isObject()) {
      throw new RpcError(RpcError.Code.INVALID_REQUEST, "a JSON-RPC request must be an object");
    }
    JsonNode id = request.get("id");
    if (id != null && !(id.isTextual() || id.isNumber() || id.isNull())) {
      throw new RpcError(RpcError.Code.INVALID_REQUEST, "id must be a string, number or null");
    }
    if (!request.path("jsonrpc").asText("").equals("2.0")) {
      throw new RpcError(RpcError.Code.INVALID_REQUEST, "jsonrpc must be \"2.0\"");
    }
    JsonNode methodNode = request.get("method");
    if (methodNode == null || !methodNode.isTextual() || methodNode.asText().isEmpty()) {
      throw new RpcError(RpcError.Code.INVALID_REQUEST, "method must be a non-empty string");
    }
    Dialect requested = version(versionHeader);
    if (requested == null) {
      throw new RpcError(RpcError.Code.VERSION_NOT_SUPPORTED,
          "A2A-Version '" + versionHeader + "' is not supported; supported versions: 1.0, 0.3");
    }
    String name = methodNode.asText();
    Method method;
    Dialect dialect;
    if (V1_0.containsKey(name)) {
      // Accepted without the header too: many 1.0 clients omit it.
      method = V1_0.get(name);
      dialect = Dialect.V1_0;
    } else if (V0_3.containsKey(name) && requested == Dialect.V0_3) {
      method = V0_3.get(name);
      dialect = Dialect.V0_3;
    } else if (V0_3.containsKey(name)) {
      throw new RpcError(RpcError.Code.METHOD_NOT_FOUND,
          "Method " + name + " is a 0.3 method; with A2A-Version 1.0 use the PascalCase name");
    } else {
      throw new RpcError(RpcError.Code.METHOD_NOT_FOUND, "Method not found: " + name);
    }
    if (dialect == Dialect.V0_3 && method == Method.LIST) {
      throw new RpcError(RpcError.Code.METHOD_NOT_FOUND, "Method not found: " + name);
    }
    JsonNode params = request.get("params");
    if (params == null || params.isNull()) {
      params = ProtocolJson.NODES.objectNode();
    } else if (!params.isObject()) {
      throw RpcError.invalidParams("params must be an object");
    }
    return new Call(id == null ? NullNode.getInstance() : id, id == null, method, dialect, params);
  }

  static ObjectNode result(JsonNode id, JsonNode result) {
    ObjectNode response = ProtocolJson.NODES.objectNode();
    response.put("jsonrpc", "2.0");
    response.set("id", id);
    response.set("result", result);
    return response;
  }

  /** An error response; 1.0 A2A errors carry a {@code google.rpc.ErrorInfo} in {@code data}. */
  static ObjectNode error(JsonNode id, RpcError error, Dialect dialect, Clock clock) {
    ObjectNode response = ProtocolJson.NODES.objectNode();
    response.put("jsonrpc", "2.0");
    response.set("id", id);
    ObjectNode body = response.putObject("error");
    body.put("code", error.code.value);
    body.put("message", error.getMessage());
    if (error.code.reason != null && dialect == Dialect.V1_0) {
      ObjectNode info = body.putArray("data").addObject();
      info.put("@type", "type.googleapis.com/google.rpc.ErrorInfo");
      info.put("reason", error.code.reason);
      info.put("domain", "a2a-protocol.org");
      ObjectNode metadata = info.putObject("metadata");
      if (error.taskId != null) {
        metadata.put("taskId", error.taskId);
      }
      metadata.put("timestamp", clock.instant().toString());
    }
    return response;
  }
}
