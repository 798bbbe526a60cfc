package dev.swarm.a2a.client;

import java.util.Arrays;
import java.util.Optional;

/**
 * An error code a remote A2A agent can answer with: the JSON-RPC 2.0 standard codes and the A2A
 * 1.0 codes of spec section 5.4, each marked as worth retrying or not.
 *
 * <p>Only server-side faults are retriable: an internal error or an invalid agent response may not
 * recur on the next attempt, while a missing task or an unsupported operation always will.
 */
public enum A2aError {
  /** -32700: the server could not parse the JSON we sent. */
  JSON_PARSE(-32700, "JSON_PARSE", false),
  /** -32600: the request was not a valid JSON-RPC request. */
  INVALID_REQUEST(-32600, "INVALID_REQUEST", false),
  /** -32601: the server does not know the method (often a 0.3-only server). */
  METHOD_NOT_FOUND(-32601, "METHOD_NOT_FOUND", false),
  /** -32602: the parameters were invalid. */
  INVALID_PARAMS(-32602, "INVALID_PARAMS", false),
  /** -32603: the server failed internally. */
  INTERNAL(-32603, "INTERNAL", true),
  /** -32001: no such task, or not visible to this caller. */
  TASK_NOT_FOUND(-32001, "TASK_NOT_FOUND", false),
  /** -32002: the task is already terminal and cannot be canceled. */
  TASK_NOT_CANCELABLE(-32002, "TASK_NOT_CANCELABLE", false),
  /** -32003: the agent does not support push notifications. */
  PUSH_NOTIFICATION_NOT_SUPPORTED(-32003, "PUSH_NOTIFICATION_NOT_SUPPORTED", false),
  /** -32004: the agent does not support this operation in this state. */
  UNSUPPORTED_OPERATION(-32004, "UNSUPPORTED_OPERATION", false),
  /** -32005: the agent does not accept the content type sent. */
  CONTENT_TYPE_NOT_SUPPORTED(-32005, "CONTENT_TYPE_NOT_SUPPORTED", false),
  /** -32006: the agent produced a response that breaks the protocol. */
  INVALID_AGENT_RESPONSE(-32006, "INVALID_AGENT_RESPONSE", true),
  /** -32007: the agent has no extended card. */
  EXTENDED_AGENT_CARD_NOT_CONFIGURED(-32007, "EXTENDED_AGENT_CARD_NOT_CONFIGURED", false),
  /** -32008: the agent requires an extension the client did not activate. */
  EXTENSION_SUPPORT_REQUIRED(-32008, "EXTENSION_SUPPORT_REQUIRED", false),
  /** -32009: the agent does not speak the protocol version requested. */
  VERSION_NOT_SUPPORTED(-32009, "VERSION_NOT_SUPPORTED", false),
  /** Any other code; treated as permanent because nothing says a retry would help. */
  UNKNOWN(0, "UNKNOWN", false);

  private final int code;
  private final String reason;
  private final boolean retriable;

  A2aError(int code, String reason, boolean retriable) {
    this.code = code;
    this.reason = reason;
    this.retriable = retriable;
  }

  /** The JSON-RPC error code, or 0 for {@link #UNKNOWN}. */
  public int code() {
    return code;
  }

  /** The {@code google.rpc.ErrorInfo} reason the spec pairs with the code. */
  public String reason() {
    return reason;
  }

  /** Whether the same call may succeed if sent again. */
  public boolean isRetriable() {
    return retriable;
  }

  /** The error with this JSON-RPC code, or {@link #UNKNOWN}. */
  public static A2aError fromCode(int code) {
    return Arrays.stream(values()).filter(e -> e != UNKNOWN && e.code == code).findFirst().orElse(UNKNOWN);
  }

  /** The error with this ErrorInfo reason, when the code alone is not one of ours. */
  static Optional<A2aError> fromReason(String reason) {
    return Arrays.stream(values()).filter(e -> e != UNKNOWN && e.reason.equals(reason)).findFirst();
  }
}
