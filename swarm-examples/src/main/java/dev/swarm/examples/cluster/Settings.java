package dev.swarm.examples.cluster;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/** The checks the settings records share, so each option is refused with the same wording. */
final class Settings {
  private Settings() {}

  static URI httpUrl(URI url, String setting) {
    Objects.requireNonNull(url, () -> setting + " must not be null");
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null
        || url.getQuery() != null || url.getFragment() != null) {
      throw new IllegalArgumentException(setting + " must be an absolute http URL such as http://127.0.0.1:7070 "
          + "(scheme, host and port, no query) but was '" + url + "'");
    }
    return url;
  }

  static String text(String value, String setting) {
    Objects.requireNonNull(value, () -> setting + " must not be null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(setting + " must not be blank");
    }
    return value;
  }

  static int port(int port, String setting) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(setting + " must be in [0, 65535] but was " + port);
    }
    return port;
  }

  static int atLeastOne(int value, String setting) {
    if (value < 1) {
      throw new IllegalArgumentException(setting + " must be at least 1 but was " + value);
    }
    return value;
  }

  static double timeScale(double value) {
    if (!(value >= 0 && value <= 100)) {
      throw new IllegalArgumentException("time-scale must be in [0, 100] but was " + value);
    }
    return value;
  }

  static Duration positive(Duration value, String setting) {
    Objects.requireNonNull(value, () -> setting + " must not be null");
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(setting + " must be positive but was " + value);
    }
    return value;
  }
}
