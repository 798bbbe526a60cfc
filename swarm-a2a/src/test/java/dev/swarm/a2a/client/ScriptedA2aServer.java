package dev.swarm.a2a.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on loopback that answers A2A JSON-RPC calls the way a test scripts it, to
 * drive the client through failures a well-behaved server never shows: 503s, cut streams,
 * silence, rate limits. Every request is recorded.
 */
final class ScriptedA2aServer implements AutoCloseable {
  /** Answers one JSON-RPC request. */
  @FunctionalInterface
  interface Responder {
    void respond(Request request, HttpExchange exchange) throws Exception;
  }

  /** One recorded request: its JSON-RPC method, params, id and headers. */
  record Request(String method, JsonNode params, JsonNode id, Headers headers) {
    String messageId() {
      return params.path("message").path("messageId").asText();
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile ObjectNode card;
  private volatile Responder responder = (request, exchange) -> exchange.sendResponseHeaders(500, -1);

  ScriptedA2aServer(boolean streaming) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(executor);
    card = card(streaming, baseUrl().toString() + "/", null);
    server.createContext("/.well-known/agent-card.json", exchange -> {
      requests.add(new Request("card", JsonRpc.JSON.nullNode(), JsonRpc.JSON.nullNode(), exchange.getRequestHeaders()));
      send(exchange, 200, "application/json", JsonRpc.write(card));
    });
    server.createContext("/", exchange -> {
      try {
        JsonNode body = JsonRpc.JSON.readTree(exchange.getRequestBody());
        Request request = new Request(
            body.path("method").asText(), body.path("params"), body.path("id"), exchange.getRequestHeaders());
        requests.add(request);
        responder.respond(request, exchange);
      } catch (Exception e) {
        exchange.close();
      }
    });
    server.start();
  }

  static ObjectNode card(boolean streaming, String url, String tenant) {
    ObjectNode card = JsonRpc.JSON.createObjectNode();
    card.put("name", "scripted");
    card.put("description", "a scripted A2A peer");
    card.put("version", "2.0");
    ObjectNode jsonRpc = card.putArray("supportedInterfaces").addObject();
    jsonRpc.put("url", url).put("protocolBinding", "JSONRPC").put("protocolVersion", "1.0");
    if (tenant != null) {
      jsonRpc.put("tenant", tenant);
    }
    card.putObject("capabilities").put("streaming", streaming);
    card.putArray("skills").addObject().put("id", "s1").put("name", "Skill one").put("description", "").putArray("tags");
    return card;
  }

  void card(ObjectNode newCard) {
    this.card = newCard;
  }

  void respond(Responder newResponder) {
    this.responder = newResponder;
  }

  List<Request> requests() {
    return requests.stream().filter(r -> !r.method().equals("card")).toList();
  }

  List<String> methods() {
    return requests().stream().map(Request::method).toList();
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  // ---- canned answers ----

  static ObjectNode task(String id, String state, String artifactText) {
    ObjectNode task = JsonRpc.JSON.createObjectNode();
    task.put("id", id);
    task.put("contextId", "ctx-" + id);
    task.putObject("status").put("state", state);
    if (artifactText != null) {
      ArrayNode artifacts = task.putArray("artifacts");
      ObjectNode artifact = artifacts.addObject().put("artifactId", "a-" + id).put("name", "answer");
      artifact.putArray("parts").addObject().put("text", artifactText);
    }
    return task;
  }

  static ObjectNode result(JsonNode id, String kind, JsonNode value) {
    ObjectNode envelope = JsonRpc.JSON.createObjectNode();
    envelope.put("jsonrpc", "2.0");
    envelope.set("id", id);
    envelope.putObject("result").set(kind, value);
    return envelope;
  }

  static ObjectNode bareResult(JsonNode id, JsonNode value) {
    ObjectNode envelope = JsonRpc.JSON.createObjectNode();
    envelope.put("jsonrpc", "2.0");
    envelope.set("id", id);
    envelope.set("result", value);
    return envelope;
  }

  static ObjectNode statusUpdate(String taskId, String state) {
    ObjectNode update = JsonRpc.JSON.createObjectNode();
    update.put("taskId", taskId);
    update.putObject("status").put("state", state);
    return update;
  }

  static ObjectNode artifactUpdate(String taskId, String text, boolean append, boolean lastChunk) {
    ObjectNode update = JsonRpc.JSON.createObjectNode();
    update.put("taskId", taskId);
    update.put("append", append);
    update.put("lastChunk", lastChunk);
    ObjectNode artifact = update.putObject("artifact").put("artifactId", "a-" + taskId).put("name", "answer");
    artifact.putArray("parts").addObject().put("text", text);
    return update;
  }

  static void json(HttpExchange exchange, JsonNode body) throws IOException {
    send(exchange, 200, "application/json", JsonRpc.write(body));
  }

  /** Writes the SSE events and then ends the response, whatever the events said. */
  static void sse(HttpExchange exchange, String... rawEvents) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      for (String event : rawEvents) {
        out.write(event.getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    }
  }

  static String data(JsonNode envelope) {
    return "data: " + JsonRpc.write(envelope) + "\n\n";
  }

  static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
