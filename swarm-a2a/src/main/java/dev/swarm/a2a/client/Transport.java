package dev.swarm.a2a.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;

/**
 * One A2A protocol binding as seen by the client: unary JSON-RPC calls and streamed calls. Failures
 * are SwarmExceptions: {@link A2aFailure} for JSON-RPC errors, Retriable for an unreachable peer or
 * a broken connection, Permanent for a peer that breaks the protocol.
 */
interface Transport extends AutoCloseable {
  /** Sends one request; the future completes with the result member of the response. */
  CompletableFuture<JsonNode> call(String method, ObjectNode params);

  /**
   * Sends one streaming request. The observer sees each event's result in order, then exactly one
   * of {@link StreamObserver#onEnd} or {@link StreamObserver#onError}, on a transport thread.
   */
  Call stream(String method, ObjectNode params, StreamObserver observer);

  /** Where requests go, for messages and logs. */
  String peer();

  @Override
  void close();

  /** Receives one stream's events. */
  interface StreamObserver {
    void onResult(JsonNode result);

    void onEnd();

    void onError(RuntimeException error);
  }

  /** A stream in flight. */
  interface Call {
    /** Stops the stream; the observer hears nothing more. Idempotent. */
    void abort();

    /**
     * The task reached its end through this stream: the observer hears nothing more, but the peer
     * may close the stream itself, so a binding whose connection would be lost by an abort can
     * keep it for the next call. Idempotent; by default the same as {@link #abort()}.
     */
    default void settle() {
      abort();
    }
  }
}
