package dev.swarm.a2a.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swarm.api.SwarmException;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * Reads a Server-Sent Events body line by line and hands each event's JSON-RPC result to the
 * observer. An event named {@code error}, or any event whose envelope carries an error, ends the
 * stream with the typed failure: servers frame errors raised mid-stream either way.
 */
final class SseSubscriber implements Flow.Subscriber<String> {
  /** The largest event accepted, as the JS SDK client caps it, so a runaway peer cannot exhaust memory. */
  static final int MAX_EVENT_CHARS = 4 * 1024 * 1024;

  private final String method;
  private final String peer;
  private final Transport.StreamObserver observer;
  private final StringBuilder data = new StringBuilder();
  private String eventName = "";
  private volatile Flow.@Nullable Subscription subscription;
  private volatile boolean canceled;

  SseSubscriber(String method, String peer, Transport.StreamObserver observer) {
    this.method = method;
    this.peer = peer;
    this.observer = observer;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (canceled) {
      subscription.cancel();
    } else {
      subscription.request(Long.MAX_VALUE);
    }
  }

  @Override
  public void onNext(String line) {
    if (canceled) {
      return;
    }
    if (line.isEmpty()) {
      dispatch();
    } else if (line.startsWith(":")) {
      // A comment: servers send these as keep-alives through idle proxies.
    } else if (line.startsWith("data")) {
      if (!data.isEmpty()) {
        data.append('\n');
      }
      data.append(fieldValue(line, "data"));
      if (data.length() > MAX_EVENT_CHARS) {
        fail(new SwarmException.Permanent(
            "A2A peer " + peer + " sent an SSE event over " + MAX_EVENT_CHARS + " characters in " + method));
      }
    } else if (line.startsWith("event")) {
      eventName = fieldValue(line, "event");
    }
    // id: and retry: carry nothing the client needs.
  }

  private static String fieldValue(String line, String field) {
    if (line.length() == field.length()) {
      return "";
    }
    String value = line.substring(field.length() + 1); // after the colon
    return value.startsWith(" ") ? value.substring(1) : value;
  }

  private void dispatch() {
    if (data.isEmpty()) {
      eventName = "";
      return;
    }
    String text = data.toString();
    boolean errorEvent = eventName.equals("error");
    data.setLength(0);
    eventName = "";
    try {
      JsonNode envelope = JsonRpc.parse(text, peer);
      if (errorEvent && !envelope.has("error")) {
        fail(new SwarmException.Permanent(
            "A2A peer " + peer + " sent an SSE error event without a JSON-RPC error in " + method + ": "
                + JsonRpc.abbreviate(text)));
        return;
      }
      observer.onResult(JsonRpc.unwrap(envelope, method, peer));
    } catch (RuntimeException e) {
      fail(e);
    }
  }

  private void fail(RuntimeException error) {
    cancel();
    observer.onError(error);
  }

  @Override
  public void onError(Throwable throwable) {
    if (!canceled) {
      observer.onError(new SwarmException.Retriable(
          "A2A peer " + peer + " broke the " + method + " stream: " + throwable, throwable));
    }
  }

  @Override
  public void onComplete() {
    if (!canceled) {
      dispatch(); // a last event without its blank line
      observer.onEnd();
    }
  }

  /** Stops reading; the connection is dropped rather than returned to the pool. */
  void cancel() {
    canceled = true;
    Flow.Subscription current = subscription;
    if (current != null) {
      current.cancel();
    }
  }
}
