package dev.swarm.a2a.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarm.api.SwarmException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The swarm WebSocket binding: the same JSON-RPC messages as the HTTP binding, one per text frame,
 * over one persistent connection, with responses and stream events correlated by id.
 *
 * <p>A stream ends where the protocol says a stream ends (a message, or a task in a terminal or
 * interrupted state), since there is no HTTP response to close. The connection is opened on first
 * use and again after it drops; a drop fails every call in flight as retriable.
 */
final class WebSocketTransport implements Transport {
  private static final Logger LOG = LoggerFactory.getLogger(WebSocketTransport.class);

  private final HttpClient client;
  private final URI endpoint;
  private final Map<String, String> headers;
  private final Duration connectTimeout;
  private final JsonRpc rpc = new JsonRpc();
  private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
  private @Nullable CompletableFuture<WebSocket> socket;
  /** Sends are chained: the JDK WebSocket allows one outstanding sendText at a time. */
  private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);
  private boolean closed;

  WebSocketTransport(HttpClient client, URI endpoint, Map<String, String> headers, Duration connectTimeout) {
    this.client = client;
    this.endpoint = endpoint;
    this.headers = Map.copyOf(headers);
    this.connectTimeout = connectTimeout;
  }

  @Override
  public String peer() {
    return endpoint.toString();
  }

  @Override
  public CompletableFuture<JsonNode> call(String method, ObjectNode params) {
    CompletableFuture<JsonNode> result = new CompletableFuture<>();
    send(method, params, new Pending(method, result, null));
    return result;
  }

  @Override
  public Call stream(String method, ObjectNode params, StreamObserver observer) {
    OnceObserver once = new OnceObserver(observer);
    long id = send(method, params, new Pending(method, null, once));
    return () -> {
      once.silence();
      pending.remove(id);
    };
  }

  private long send(String method, ObjectNode params, Pending call) {
    ObjectNode request = rpc.request(method, params);
    long id = request.get("id").asLong();
    pending.put(id, call);
    String text = JsonRpc.write(request);
    synchronized (this) {
      if (!closed) {
        CompletableFuture<?> previous = lastSend;
        lastSend = connection()
            .thenCompose(ws -> previous.handle((ignored, error) -> ws))
            .thenCompose(ws -> ws.sendText(text, true))
            .whenComplete((ws, error) -> {
              if (error != null) {
                Pending failed = pending.remove(id);
                if (failed != null) {
                  failed.fail(new SwarmException.Retriable(
                      "A2A peer " + peer() + " unreachable over WebSocket for " + method + ": " + error, error));
                }
              }
            });
        return id;
      }
    }
    // Failed outside the lock: the caller's observer takes its own task lock.
    pending.remove(id);
    call.fail(new IllegalStateException("WebSocket transport to " + peer() + " is closed"));
    return id;
  }

  private synchronized CompletableFuture<WebSocket> connection() {
    CompletableFuture<WebSocket> current = socket;
    if (current == null || current.isCompletedExceptionally()
        || (current.isDone() && current.join().isInputClosed())) {
      WebSocket.Builder builder =
          client.newWebSocketBuilder()
              .connectTimeout(connectTimeout)
              .header(A2aHeaders.VERSION, A2aHeaders.PROTOCOL_VERSION);
      headers.forEach(builder::header);
      current = builder.buildAsync(endpoint, new Listener());
      socket = current;
    }
    return current;
  }

  private void onMessage(String text) {
    JsonNode envelope;
    try {
      envelope = JsonRpc.parse(text, peer());
    } catch (RuntimeException e) {
      LOG.warn("Dropped a WebSocket frame from {} that is not JSON-RPC: {}. Check that the peer speaks the swarm WebSocket binding.", peer(), e.getMessage());
      return;
    }
    long id = envelope.path("id").asLong(-1);
    Pending call = pending.get(id);
    if (call == null) {
      LOG.debug("Ignored a WebSocket frame from {} for id {} that no call waits for", peer(), id);
      return;
    }
    JsonNode result;
    try {
      result = JsonRpc.unwrap(envelope, call.method, peer());
    } catch (RuntimeException e) {
      pending.remove(id);
      call.fail(e);
      return;
    }
    if (call.unary != null) {
      pending.remove(id);
      call.unary.complete(result);
      return;
    }
    StreamObserver observer = call.stream;
    if (observer != null) {
      observer.onResult(result);
      if (StreamEvents.endsStream(result)) {
        pending.remove(id);
        observer.onEnd();
      }
    }
  }

  private void onDropped(String why) {
    synchronized (this) {
      socket = null;
    }
    for (Long id : pending.keySet()) {
      Pending call = pending.remove(id);
      if (call != null) {
        call.fail(new SwarmException.Retriable(
            "A2A peer " + peer() + " closed the WebSocket during " + call.method + ": " + why));
      }
    }
  }

  @Override
  public void close() {
    CompletableFuture<WebSocket> current;
    synchronized (this) {
      closed = true;
      current = socket;
      socket = null;
    }
    if (current != null) {
      current.thenAccept(ws -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "client closed"));
    }
    onDropped("the client closed");
  }

  /** A call waiting for its response (unary) or its events (stream). */
  private record Pending(
      String method, @Nullable CompletableFuture<JsonNode> unary, @Nullable StreamObserver stream) {
    void fail(RuntimeException error) {
      if (unary != null) {
        unary.completeExceptionally(error);
      }
      if (stream != null) {
        stream.onError(error);
      }
    }
  }

  /** Reassembles text frames and routes them; runs on the HttpClient's executor. */
  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        onMessage(text);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public @Nullable CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      onDropped("close code " + statusCode + (reason.isEmpty() ? "" : " " + reason));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      onDropped(error.toString());
    }
  }
}
