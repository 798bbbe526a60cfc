package dev.swarm.examples.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local OpenAI-compatible chat-completions server on loopback, for running the examples on
 * "real" models over real HTTP: it answers {@code POST /v1/chat/completions} with the demo
 * responder's text, so the examples' prompts get answers of the shape they expect.
 */
final class LocalOpenAiServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final DemoResponder responder = new DemoResponder();
  private final Map<String, AtomicInteger> callsByModel = new ConcurrentHashMap<>();

  LocalOpenAiServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/chat/completions", this::complete);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  /** The base URL an OpenAI client is pointed at. */
  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
  }

  /** Chat completions served for {@code model}. */
  int calls(String model) {
    return callsByModel.getOrDefault(model, new AtomicInteger()).get();
  }

  private void complete(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        send(exchange, 405, "{\"error\":{\"message\":\"POST only\"}}");
        return;
      }
      JsonNode request = JSON.readTree(exchange.getRequestBody());
      String model = request.path("model").asText();
      String system = "";
      StringBuilder user = new StringBuilder();
      for (JsonNode message : request.path("messages")) {
        if ("system".equals(message.path("role").asText())) {
          system = message.path("content").asText();
        } else if ("user".equals(message.path("role").asText())) {
          user.append(message.path("content").asText());
        }
      }
      callsByModel.computeIfAbsent(model, m -> new AtomicInteger()).incrementAndGet();
      String content = responder.large(system, user.toString());
      ObjectNode response = JSON.createObjectNode()
          .put("id", "chatcmpl-local")
          .put("object", "chat.completion")
          .put("created", 1_700_000_000L)
          .put("model", model);
      ObjectNode choice = response.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
      choice.putObject("message").put("role", "assistant").put("content", content);
      int in = (system.length() + user.length()) / 4 + 1;
      int out = content.length() / 4 + 1;
      response.putObject("usage").put("prompt_tokens", in).put("completion_tokens", out).put("total_tokens", in + out);
      send(exchange, 200, JSON.writeValueAsString(response));
    }
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
