package dev.swarm.a2a.discovery;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * An A2A agent that may take work: its id in the swarm and where its Agent Card is served.
 *
 * @param id unique among the peers of one discovery; not blank
 * @param cardUrl the absolute http or https URL of the peer's Agent Card
 */
public record Peer(String id, URI cardUrl) {
  /** Validates. */
  public Peer {
    Objects.requireNonNull(id, "peer id must not be null");
    if (id.isBlank()) {
      throw new IllegalArgumentException("peer id must not be blank");
    }
    Objects.requireNonNull(cardUrl, "cardUrl must not be null");
    String scheme = cardUrl.getScheme() == null ? "" : cardUrl.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || cardUrl.getHost() == null) {
      throw new IllegalArgumentException("cardUrl must be an absolute http or https URL but was " + cardUrl);
    }
  }

  /** A peer whose id is the card URL's {@code host:port}. */
  public static Peer of(URI cardUrl) {
    Objects.requireNonNull(cardUrl, "cardUrl must not be null");
    return new Peer(cardUrl.getHost() + ":" + port(cardUrl), cardUrl);
  }

  /** The peer's origin, {@code scheme://host:port}, where its health endpoints live. */
  public URI baseUrl() {
    return URI.create(cardUrl.getScheme() + "://" + cardUrl.getHost() + ":" + port(cardUrl));
  }

  private static int port(URI url) {
    if (url.getPort() != -1) {
      return url.getPort();
    }
    return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
  }
}
