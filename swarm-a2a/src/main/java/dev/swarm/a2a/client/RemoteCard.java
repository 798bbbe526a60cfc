package dev.swarm.a2a.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swarm.api.AgentCard;
import dev.swarm.api.AgentRole;
import dev.swarm.api.AgentSkill;
import dev.swarm.api.SwarmException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A fetched A2A Agent Card reduced to what the client uses: the chosen interface, whether the
 * agent streams, and the swarm card.
 *
 * @param binding the interface picked: the first in the card's preference order that we speak
 * @param streaming whether the card declares {@code capabilities.streaming}
 * @param card the swarm view of the card
 */
record RemoteCard(Binding binding, boolean streaming, AgentCard card) {
  /** How a chosen interface is reached. */
  enum Kind { JSONRPC, WEBSOCKET }

  /** The interface picked from {@code supportedInterfaces}. */
  record Binding(Kind kind, URI url, @Nullable String tenant) {}

  /**
   * Reads a card fetched from {@code cardUrl}.
   *
   * @param id the swarm agent id, or null for {@code name@host:port}
   * @throws SwarmException.Permanent if the card lacks what A2A 1.0 requires or offers no
   *     interface this client speaks
   */
  static RemoteCard read(JsonNode json, URI cardUrl, @Nullable String id, AgentRole role, boolean preferWebSocket) {
    String name = Wire.field(json, "name").orElseThrow(() -> invalid(cardUrl, "has no name"));
    Binding binding = pick(json, cardUrl, preferWebSocket);
    List<AgentSkill> skills = new ArrayList<>();
    for (JsonNode skill : json.path("skills")) {
      String skillId = Wire.field(skill, "id").orElseThrow(() -> invalid(cardUrl, "has a skill without an id"));
      List<String> tags = new ArrayList<>();
      skill.path("tags").forEach(tag -> tags.add(tag.asText()));
      skills.add(new AgentSkill(
          skillId, Wire.field(skill, "name").orElse(skillId), skill.path("description").asText(""), tags));
    }
    AgentCard card = new AgentCard(
        id != null ? id : name + "@" + cardUrl.getHost() + ":" + port(cardUrl),
        name,
        json.path("description").asText(""),
        Wire.field(json, "version").orElse("0"),
        role,
        skills,
        binding.url());
    return new RemoteCard(binding, json.path("capabilities").path("streaming").asBoolean(false), card);
  }

  /**
   * The first interface we speak, in the card's order (spec section 8.3.2): JSON-RPC, or a custom
   * binding whose URI names WebSocket and whose url is ws or wss, at protocol version 1.x. With
   * {@code preferWebSocket}, a WebSocket interface anywhere in the list wins.
   */
  private static Binding pick(JsonNode json, URI cardUrl, boolean preferWebSocket) {
    List<String> offered = new ArrayList<>();
    List<Binding> usable = new ArrayList<>();
    for (JsonNode entry : json.path("supportedInterfaces")) {
      String protocol = entry.path("protocolBinding").asText("");
      String version = entry.path("protocolVersion").asText("");
      offered.add(protocol + " " + version);
      if (version.startsWith("1.")) {
        usable(entry, protocol, cardUrl).ifPresent(usable::add);
      }
    }
    return usable.stream()
        .filter(binding -> preferWebSocket && binding.kind() == Kind.WEBSOCKET)
        .findFirst()
        .or(() -> usable.stream().findFirst())
        .orElseThrow(() -> invalid(cardUrl,
            "offers no interface this client speaks (JSONRPC or WebSocket at protocol 1.x); it offers " + offered));
  }

  private static Optional<Binding> usable(JsonNode entry, String protocol, URI cardUrl) {
    boolean jsonRpc = protocol.equals("JSONRPC");
    boolean webSocket = protocol.toLowerCase(Locale.ROOT).contains("websocket");
    if (!jsonRpc && !webSocket) {
      return Optional.empty(); // gRPC urls may be bare host:port; never parse what we cannot use
    }
    URI url;
    try {
      url = cardUrl.resolve(entry.path("url").asText(""));
    } catch (IllegalArgumentException e) {
      throw invalid(cardUrl, "has an interface with a malformed url: " + entry.path("url").asText(""));
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    @Nullable String tenant = Wire.field(entry, "tenant").orElse(null);
    if (jsonRpc && (scheme.equals("http") || scheme.equals("https"))) {
      return Optional.of(new Binding(Kind.JSONRPC, url, tenant));
    }
    if (webSocket && (scheme.equals("ws") || scheme.equals("wss"))) {
      return Optional.of(new Binding(Kind.WEBSOCKET, url, tenant));
    }
    return Optional.empty();
  }

  private static int port(URI url) {
    if (url.getPort() != -1) {
      return url.getPort();
    }
    return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
  }

  private static SwarmException.Permanent invalid(URI cardUrl, String what) {
    return new SwarmException.Permanent("A2A agent card at " + cardUrl + " " + what);
  }
}
