package dev.swarm.bench.a2a;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One WebSocket peer link that sends a JSON-RPC frame and waits for the answer frame. */
final class LoopbackWebSocketClient implements AutoCloseable {
  private final WebSocket socket;
  private volatile CompletableFuture<String> pending = new CompletableFuture<>();

  LoopbackWebSocketClient(HttpClient http, URI endpoint) throws InterruptedException, ExecutionException, TimeoutException {
    this.socket = http.newWebSocketBuilder().header("A2A-Version", "1.0").buildAsync(endpoint, new WebSocket.Listener() {
      private final StringBuilder partial = new StringBuilder();

      @Override
      public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
          pending.complete(partial.toString());
          partial.setLength(0);
        }
        webSocket.request(1);
        return null;
      }
    }).get(10, TimeUnit.SECONDS);
  }

  /** Sends one request frame and returns the answer frame. */
  String call(String request) throws InterruptedException, ExecutionException, TimeoutException {
    CompletableFuture<String> answer = new CompletableFuture<>();
    pending = answer;
    socket.sendText(request, true).get(30, TimeUnit.SECONDS);
    return answer.get(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
  }
}
