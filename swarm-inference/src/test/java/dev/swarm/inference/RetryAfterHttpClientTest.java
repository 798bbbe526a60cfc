package dev.swarm.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarm.api.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryAfterHttpClientTest {
  final MutableClock clock = new MutableClock();
  final RetryAfterHttpClient client =
      (RetryAfterHttpClient) RetryAfterHttpClientBuilder.of().clock(clock).build();

  @Test
  void retryAfter_seconds_read() {
    assertThat(client.retryAfter(" 7 ")).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void retryAfter_httpDate_readAgainstTheClock() {
    // The clock stands at 2026-01-01T00:00:00Z.
    assertThat(client.retryAfter("Thu, 01 Jan 2026 00:01:30 GMT")).isEqualTo(Duration.ofSeconds(90));
    assertThat(client.retryAfter("Wed, 31 Dec 2025 23:00:00 GMT")).isEqualTo(Duration.ZERO);
  }

  @Test
  void retryAfter_garbage_treatedAsNotGiven() {
    assertThat(client.retryAfter("soon")).isNull();
  }
}
