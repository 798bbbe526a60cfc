package dev.swarm.inference;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import dev.swarm.api.RateLimitedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** The client {@link RetryAfterHttpClientBuilder} builds. */
final class RetryAfterHttpClient implements HttpClient {
  // The JDK client sets these itself and refuses them from callers.
  private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final java.net.http.HttpClient jdk;
  private final Duration readTimeout;
  private final Clock clock;
  private final Supplier<HttpClient> fallbackFactory;
  private volatile @Nullable HttpClient fallback;

  RetryAfterHttpClient(Duration connectTimeout, Duration readTimeout, Clock clock, Supplier<HttpClient> fallbackFactory) {
    this.jdk = java.net.http.HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        // Local model servers (llama.cpp, Ollama, vLLM) speak HTTP/1.1; skip the h2c upgrade dance.
        .version(java.net.http.HttpClient.Version.HTTP_1_1)
        .build();
    this.readTimeout = readTimeout;
    this.clock = clock;
    this.fallbackFactory = fallbackFactory;
  }

  /** langchain4j's default client, built on first need so plain calls work without one installed. */
  private HttpClient fallback() {
    HttpClient client = fallback;
    if (client == null) {
      synchronized (this) {
        client = fallback;
        if (client == null) {
          client = fallbackFactory.get();
          fallback = client;
        }
      }
    }
    return client;
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
      return fallback().execute(request);
    }
    java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
        .timeout(readTimeout);
    request.headers().forEach((name, values) -> {
      if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
        values.forEach(value -> builder.header(name, value));
      }
    });
    String body = request.body();
    builder.method(request.method().name(), body == null
        ? java.net.http.HttpRequest.BodyPublishers.noBody()
        : java.net.http.HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response;
    try {
      response = jdk.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("HTTP " + request.method() + " " + request.url() + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during HTTP " + request.method() + " " + request.url(), e);
    }
    int status = response.statusCode();
    if (status == 429) {
      Optional<String> header = response.headers().firstValue("Retry-After");
      throw new RateLimitedException("HTTP 429 from " + request.url() + ": " + response.body(),
          header.map(this::retryAfter).orElse(null), null);
    }
    if (status >= 400) {
      throw new HttpException(status, response.body());
    }
    return SuccessfulHttpResponse.builder()
        .statusCode(status)
        .headers(Map.copyOf(response.headers().map()))
        .body(response.body())
        .build();
  }

  /** Reads delta-seconds or an HTTP date; an unreadable value counts as not given. */
  @Nullable Duration retryAfter(String value) {
    String text = value.strip();
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(text)));
    } catch (NumberFormatException notSeconds) {
      try {
        Duration until = Duration.between(clock.instant(),
            ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        return until.isNegative() ? Duration.ZERO : until;
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }

  @Override
  public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    fallback().execute(request, parser, listener);
  }
}
