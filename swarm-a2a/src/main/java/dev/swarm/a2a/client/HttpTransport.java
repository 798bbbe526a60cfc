package dev.swarm.a2a.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarm.api.RateLimitedException;
import dev.swarm.api.SwarmException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * The standard JSON-RPC binding: one HTTP POST per request on the shared client's keep-alive pool,
 * with Server-Sent Events for streams.
 */
final class HttpTransport implements Transport {
  /** How long a settled stream may stay open before it is dropped, for a peer that never ends it. */
  private static final Duration SETTLE_GRACE = Duration.ofSeconds(1);

  private final HttpClient client;
  private final URI endpoint;
  private final Map<String, String> headers;
  private final Duration requestTimeout;
  private final JsonRpc rpc = new JsonRpc();

  HttpTransport(HttpClient client, URI endpoint, Map<String, String> headers, Duration requestTimeout) {
    this.client = client;
    this.endpoint = endpoint;
    this.headers = Map.copyOf(headers);
    this.requestTimeout = requestTimeout;
  }

  @Override
  public String peer() {
    return endpoint.toString();
  }

  @Override
  public CompletableFuture<JsonNode> call(String method, ObjectNode params) {
    HttpRequest request = post(method, params, "application/json");
    return client
        .sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        .handle(
            (response, error) -> {
              if (error != null) {
                throw connectionFailure(method, error);
              }
              return JsonRpc.unwrap(responseBody(response, method), method, peer());
            });
  }

  @Override
  public Call stream(String method, ObjectNode params, StreamObserver observer) {
    OnceObserver once = new OnceObserver(observer);
    SseSubscriber sse = new SseSubscriber(method, peer(), once);
    HttpRequest request = post(method, params, "text/event-stream");
    CompletableFuture<HttpResponse<Void>> exchange =
        client.sendAsync(request, info -> bodyFor(info, method, sse, once));
    exchange.whenComplete(
        (response, error) -> {
          if (error != null) {
            once.onError(connectionFailure(method, error));
          }
        });
    return new Call() {
      @Override
      public void abort() {
        once.silence();
        sse.cancel();
        exchange.cancel(true);
      }

      @Override
      public void settle() {
        // A cancelled body costs the pooled connection, and with it a new TCP connection for the
        // next task; the peer ends the stream right after the terminal event, so let it.
        once.silence();
        exchange.copy()
            .completeOnTimeout(null, SETTLE_GRACE.toMillis(), TimeUnit.MILLISECONDS)
            .thenRun(() -> {
              if (!exchange.isDone()) {
                abort();
              }
            });
      }
    };
  }

  /**
   * Picks how to read a stream's body once the headers are in: SSE when the server streams, else
   * one JSON-RPC response, which is how servers answer errors raised before the stream started.
   */
  private HttpResponse.BodySubscriber<Void> bodyFor(
      HttpResponse.ResponseInfo info, String method, SseSubscriber sse, OnceObserver observer) {
    String contentType = info.headers().firstValue("content-type").orElse("");
    if (info.statusCode() == 200 && contentType.startsWith("text/event-stream")) {
      return HttpResponse.BodySubscribers.fromLineSubscriber(sse);
    }
    return HttpResponse.BodySubscribers.mapping(
        HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8),
        body -> {
          try {
            JsonNode result =
                JsonRpc.unwrap(checkedBody(info.statusCode(), info.headers().firstValue("retry-after"), body, method), method, peer());
            observer.onResult(result);
            observer.onEnd();
          } catch (RuntimeException e) {
            observer.onError(e);
          }
          return null;
        });
  }

  private HttpRequest post(String method, ObjectNode params, String accept) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(endpoint)
            .timeout(requestTimeout)
            .header("Content-Type", "application/json")
            .header("Accept", accept)
            .header(A2aHeaders.VERSION, A2aHeaders.PROTOCOL_VERSION)
            .POST(HttpRequest.BodyPublishers.ofString(JsonRpc.write(rpc.request(method, params))));
    headers.forEach(builder::header);
    return builder.build();
  }

  private JsonNode responseBody(HttpResponse<String> response, String method) {
    return checkedBody(
        response.statusCode(), response.headers().firstValue("retry-after"), response.body(), method);
  }

  /**
   * The JSON-RPC envelope of a response, or the failure its HTTP status means. A JSON-RPC error in
   * the body wins over the status, because it is more precise (the JS server sends -32603 with 500).
   */
  private JsonNode checkedBody(int status, Optional<String> retryAfter, String body, String method) {
    if (status == 200) {
      return JsonRpc.parse(body, peer());
    }
    Optional<JsonNode> rpcError =
        tryParse(body).filter(node -> node.path("error").path("code").isIntegralNumber());
    if (rpcError.isPresent()) {
      return rpcError.get();
    }
    String what = "A2A peer " + peer() + " answered " + method + " with HTTP " + status;
    if (status == 429) {
      throw new RateLimitedException(what, retryAfter.flatMap(HttpTransport::seconds).orElse(null), null);
    }
    if (status == 401 || status == 403) {
      throw new SwarmException.Permanent(
          what + ": credentials missing or refused; set bearerToken or apiKey on the RemoteAgent builder");
    }
    if (status >= 500) {
      throw new SwarmException.Retriable(what + ": " + JsonRpc.abbreviate(body));
    }
    throw new SwarmException.Permanent(what + ": " + JsonRpc.abbreviate(body));
  }

  private static Optional<JsonNode> tryParse(String body) {
    try {
      return Optional.of(JsonRpc.JSON.readTree(body)).filter(JsonNode::isObject);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> seconds(String retryAfter) {
    try {
      return Optional.of(Duration.ofSeconds(Long.parseLong(retryAfter.trim())));
    } catch (NumberFormatException e) {
      return Optional.empty(); // an HTTP-date; the caller falls back to its own backoff
    }
  }

  private RuntimeException connectionFailure(String method, Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof SwarmException swarm) {
      return swarm;
    }
    if (cause instanceof HttpTimeoutException) {
      return new SwarmException.Retriable(
          "A2A peer " + peer() + " did not answer " + method + " within " + requestTimeout, cause);
    }
    return new SwarmException.Retriable(
        "A2A peer " + peer() + " unreachable for " + method + ": " + cause, cause);
  }

  @Override
  public void close() {
    // The HttpClient is shared and owned by RemoteAgent.
  }
}
