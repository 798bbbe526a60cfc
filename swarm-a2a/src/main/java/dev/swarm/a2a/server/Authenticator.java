package dev.swarm.a2a.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Checks every request against the card's security schemes: a bearer token, an API key header, or
 * nothing when neither is configured. Maps each accepted credential to the principal that owns the
 * tasks it creates.
 */
final class Authenticator {
  /** The principal of every caller when no authentication is configured. */
  static final String ANONYMOUS = "anonymous";

  private final Map<String, String> bearerTokens;
  private final @Nullable String apiKeyHeader;
  private final Map<String, String> apiKeys;

  Authenticator(Map<String, String> bearerTokens, @Nullable String apiKeyHeader, Map<String, String> apiKeys) {
    this.bearerTokens = Map.copyOf(bearerTokens);
    this.apiKeyHeader = apiKeyHeader;
    this.apiKeys = Map.copyOf(apiKeys);
  }

  boolean required() {
    return !bearerTokens.isEmpty() || !apiKeys.isEmpty();
  }

  /** The caller's principal, or empty when the request does not authenticate. */
  Optional<String> authenticate(HttpHeaders headers) {
    if (!required()) {
      return Optional.of(ANONYMOUS);
    }
    String authorization = headers.get(HttpHeaderNames.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      Optional<String> principal = match(bearerTokens, authorization.substring(7).trim());
      if (principal.isPresent()) {
        return principal;
      }
    }
    if (apiKeyHeader != null) {
      String key = headers.get(apiKeyHeader);
      if (key != null) {
        return match(apiKeys, key.trim());
      }
    }
    return Optional.empty();
  }

  /** Compares in constant time per credential so timing does not leak how much of a secret matched. */
  private static Optional<String> match(Map<String, String> secrets, String presented) {
    byte[] given = presented.getBytes(StandardCharsets.UTF_8);
    String found = null;
    for (Map.Entry<String, String> secret : secrets.entrySet()) {
      if (MessageDigest.isEqual(secret.getKey().getBytes(StandardCharsets.UTF_8), given)) {
        found = secret.getValue();
      }
    }
    return Optional.ofNullable(found);
  }

  /** The WWW-Authenticate challenge for a refused request. */
  String challenge() {
    return bearerTokens.isEmpty() ? "ApiKey header=\"" + apiKeyHeader + "\"" : "Bearer realm=\"a2a\"";
  }

  /** Adds {@code securitySchemes} and {@code securityRequirements} (1.0) and {@code security} (0.3). */
  void describe(ObjectNode card) {
    if (!required()) {
      return;
    }
    ObjectNode schemes = card.putObject("securitySchemes");
    ArrayNode requirements = card.putArray("securityRequirements");
    ArrayNode legacy = card.putArray("security");
    if (!bearerTokens.isEmpty()) {
      schemes.putObject("bearer").putObject("httpAuthSecurityScheme").put("scheme", "Bearer");
      requirements.addObject().putObject("schemes").putObject("bearer").putArray("list");
      legacy.addObject().putArray("bearer");
    }
    if (!apiKeys.isEmpty()) {
      schemes.putObject("apiKey").putObject("apiKeySecurityScheme").put("location", "header").put("name", apiKeyHeader);
      requirements.addObject().putObject("schemes").putObject("apiKey").putArray("list");
      legacy.addObject().putArray("apiKey");
    }
  }
}
