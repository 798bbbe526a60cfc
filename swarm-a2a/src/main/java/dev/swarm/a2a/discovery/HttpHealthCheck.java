package dev.swarm.a2a.discovery;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Probes a peer's {@code /healthz}, the liveness endpoint swarm's A2A server serves. */
final class HttpHealthCheck implements PeerHealthCheck {
  private static final Logger LOG = LoggerFactory.getLogger(HttpHealthCheck.class);

  private final HttpClient client;
  private final Duration timeout;

  HttpHealthCheck(HttpClient client, Duration timeout) {
    this.client = Objects.requireNonNull(client, "client must not be null");
    Objects.requireNonNull(timeout, "timeout must not be null");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive but was " + timeout);
    }
    this.timeout = timeout;
  }

  @Override
  public boolean isHealthy(Peer peer) {
    HttpRequest request = HttpRequest.newBuilder(peer.baseUrl().resolve("/healthz")).timeout(timeout).GET().build();
    try {
      int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      LOG.debug("Health check of {} answered {}", peer.id(), status);
      return status >= 200 && status < 300;
    } catch (IOException e) {
      LOG.debug("Health check of {} failed: {}", peer.id(), e.toString());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
