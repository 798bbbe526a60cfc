package dev.swarm.a2a.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** A small JSON-RPC client over the JDK HttpClient for the tests, independent of the server's code. */
final class Rpc {
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI endpoint;
  private final AtomicInteger ids = new AtomicInteger();
  private String version = "1.0";
  private String token;

  Rpc(URI base) {
    this.endpoint = base.resolve("/");
  }

  Rpc version(String newVersion) {
    this.version = newVersion;
    return this;
  }

  Rpc token(String newToken) {
    this.token = newToken;
    return this;
  }

  static String send(String text) {
    return send(text, UUID.randomUUID().toString());
  }

  static String send(String text, String messageId) {
    return "{\"message\":{\"messageId\":\"" + messageId + "\",\"role\":\"ROLE_USER\",\"parts\":[{\"text\":\"" + text + "\"}]}}";
  }

  /** Posts one call and returns the parsed response. */
  JsonNode call(String method, String params) throws Exception {
    return JSON.readTree(post(envelope(method, params), "application/json").body());
  }

  String envelope(String method, String params) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + ids.incrementAndGet() + ",\"method\":\"" + method + "\",\"params\":" + params + "}";
  }

  HttpResponse<String> post(String body, String accept) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
        .header("Content-Type", "application/json")
        .header("Accept", accept)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (version != null) {
      request.header("A2A-Version", version);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Posts a streaming call and returns every {@code data:} payload until the server ends the response. */
  List<JsonNode> stream(String method, String params) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
        .header("Content-Type", "application/json")
        .header("Accept", "text/event-stream")
        .header("A2A-Version", version)
        .POST(HttpRequest.BodyPublishers.ofString(envelope(method, params)));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<java.io.InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    List<JsonNode> events = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith("data: ")) {
          events.add(JSON.readTree(line.substring(6)));
        }
      }
    }
    if (events.isEmpty() && response.headers().firstValue("content-type").orElse("").startsWith("application/json")) {
      throw new IllegalStateException("expected a stream but got a JSON answer");
    }
    return events;
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(endpoint.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpClient http() {
    return http;
  }
}
