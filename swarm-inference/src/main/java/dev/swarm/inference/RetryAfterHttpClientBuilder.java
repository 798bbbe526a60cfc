package dev.swarm.inference;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpClientBuilderLoader;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A langchain4j {@link HttpClientBuilder} whose clients keep the {@code Retry-After} header of a
 * 429 answer: they throw swarm's {@link dev.swarm.api.RateLimitedException} carrying it, which
 * langchain4j passes through unchanged, so the engine waits as long as the server asked.
 * langchain4j's own clients drop response headers on errors.
 *
 * <pre>{@code
 * ChatModel slm = OpenAiChatModel.builder()
 *     .baseUrl(config.slmEndpoint()).modelName(config.slmModel())
 *     .httpClientBuilder(RetryAfterHttpClientBuilder.of())
 *     .maxRetries(0) // the engine retries
 *     .build();
 * }</pre>
 *
 * <p>Plain request/response calls go over the JDK's HTTP client; streaming and multipart calls are
 * handed to langchain4j's default client unchanged.
 */
public final class RetryAfterHttpClientBuilder implements HttpClientBuilder {
  private Duration connectTimeout = Duration.ofSeconds(10);
  private Duration readTimeout = Duration.ofSeconds(60);
  private Clock clock = Clock.systemUTC();

  private RetryAfterHttpClientBuilder() {}

  /** A builder with a 10 s connect timeout and a 60 s read timeout. */
  public static RetryAfterHttpClientBuilder of() {
    return new RetryAfterHttpClientBuilder();
  }

  /** Sets the clock that dated Retry-After values are read against (default: system UTC). */
  public RetryAfterHttpClientBuilder clock(Clock value) {
    clock = Objects.requireNonNull(value, "clock must not be null");
    return this;
  }

  @Override
  public Duration connectTimeout() {
    return connectTimeout;
  }

  @Override
  public RetryAfterHttpClientBuilder connectTimeout(@Nullable Duration value) {
    // langchain4j passes null for "not configured"; keep the default then.
    if (value != null) {
      connectTimeout = value;
    }
    return this;
  }

  @Override
  public Duration readTimeout() {
    return readTimeout;
  }

  @Override
  public RetryAfterHttpClientBuilder readTimeout(@Nullable Duration value) {
    if (value != null) {
      readTimeout = value;
    }
    return this;
  }

  @Override
  public HttpClient build() {
    Duration connect = connectTimeout;
    Duration read = readTimeout;
    return new RetryAfterHttpClient(connect, read, clock,
        () -> HttpClientBuilderLoader.loadHttpClientBuilder().connectTimeout(connect).readTimeout(read).build());
  }
}
