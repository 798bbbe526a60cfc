package dev.swarm.a2a.discovery;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Says whether a peer is fit to take work. Called on the membership's executor, one call per peer
 * per round, concurrently across peers; it may block up to its own timeout.
 */
@FunctionalInterface
public interface PeerHealthCheck {
  /** Whether the peer answers as healthy now; false (rather than an exception) when it does not. */
  boolean isHealthy(Peer peer);

  /**
   * The standard check: {@code GET {peer origin}/healthz} answers 2xx within {@code timeout}. The
   * client is the caller's and stays open.
   */
  static PeerHealthCheck http(HttpClient client, Duration timeout) {
    return new HttpHealthCheck(client, timeout);
  }
}
