package dev.swarm.a2a.server;

import org.jspecify.annotations.Nullable;

/**
 * A JSON-RPC error answer, thrown inside the server and turned into the wire error by whichever
 * transport carried the request. Never escapes the package.
 */
final class RpcError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The spec's error codes, each with its ErrorInfo reason (null for the JSON-RPC standard ones). */
  enum Code {
    PARSE_ERROR(-32700, null),
    INVALID_REQUEST(-32600, null),
    METHOD_NOT_FOUND(-32601, null),
    INVALID_PARAMS(-32602, null),
    INTERNAL(-32603, null),
    TASK_NOT_FOUND(-32001, "TASK_NOT_FOUND"),
    TASK_NOT_CANCELABLE(-32002, "TASK_NOT_CANCELABLE"),
    PUSH_NOTIFICATION_NOT_SUPPORTED(-32003, "PUSH_NOTIFICATION_NOT_SUPPORTED"),
    UNSUPPORTED_OPERATION(-32004, "UNSUPPORTED_OPERATION"),
    CONTENT_TYPE_NOT_SUPPORTED(-32005, "CONTENT_TYPE_NOT_SUPPORTED"),
    INVALID_AGENT_RESPONSE(-32006, "INVALID_AGENT_RESPONSE"),
    EXTENDED_AGENT_CARD_NOT_CONFIGURED(-32007, "EXTENDED_AGENT_CARD_NOT_CONFIGURED"),
    EXTENSION_SUPPORT_REQUIRED(-32008, "EXTENSION_SUPPORT_REQUIRED"),
    VERSION_NOT_SUPPORTED(-32009, "VERSION_NOT_SUPPORTED");

    final int value;
    final @Nullable String reason;

    Code(int value, @Nullable String reason) {
      this.value = value;
      this.reason = reason;
    }
  }

  final Code code;
  final @Nullable String taskId;

  RpcError(Code code, String message) {
    this(code, message, null);
  }

  RpcError(Code code, String message, @Nullable String taskId) {
    super(message, null, false, false);
    this.code = code;
    this.taskId = taskId;
  }

  static RpcError taskNotFound(String taskId) {
    return new RpcError(Code.TASK_NOT_FOUND, "Task not found: " + taskId, taskId);
  }

  static RpcError invalidParams(String message) {
    return new RpcError(Code.INVALID_PARAMS, message);
  }
}
