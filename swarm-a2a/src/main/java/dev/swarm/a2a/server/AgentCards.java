package dev.swarm.a2a.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarm.api.AgentCard;
import dev.swarm.api.AgentSkill;
import java.net.URI;

/**
 * Renders a swarm {@link AgentCard} as an A2A 1.0 Agent Card for a given public base URL, with
 * the 0.3 fields ({@code url}, {@code preferredTransport}, {@code additionalInterfaces}) beside
 * the 1.0 ones so clients of either version find the server.
 */
final class AgentCards {
  static final String RPC_PATH = "/";
  static final String WEBSOCKET_PATH = "/a2a/ws";

  private final Authenticator authenticator;
  private final boolean pushNotifications;
  private final boolean extendedCard;

  AgentCards(Authenticator authenticator, boolean pushNotifications, boolean extendedCard) {
    this.authenticator = authenticator;
    this.pushNotifications = pushNotifications;
    this.extendedCard = extendedCard;
  }

  /**
   * The card as served to clients reaching the server at {@code base} (scheme, host, port and any
   * path prefix, without a trailing slash).
   */
  ObjectNode render(AgentCard card, URI base) {
    String http = base.toString();
    String ws = (http.startsWith("https:") ? "wss:" : "ws:") + http.substring(http.indexOf(':') + 1);
    ObjectNode node = ProtocolJson.NODES.objectNode();
    node.put("name", card.name());
    node.put("description", card.description().isEmpty() ? card.name() : card.description());
    node.put("version", card.version());
    ArrayNode interfaces = node.putArray("supportedInterfaces");
    addInterface(interfaces, http + RPC_PATH, "JSONRPC", "1.0");
    addInterface(interfaces, http + RPC_PATH, "JSONRPC", "0.3");
    addInterface(interfaces, ws + WEBSOCKET_PATH, A2aServer.WEBSOCKET_BINDING, "1.0");
    ObjectNode capabilities = node.putObject("capabilities");
    capabilities.put("streaming", true);
    capabilities.put("pushNotifications", pushNotifications);
    capabilities.put("extendedAgentCard", extendedCard);
    node.putArray("defaultInputModes").add("text/plain").add("application/json");
    node.putArray("defaultOutputModes").add("text/plain");
    ArrayNode skills = node.putArray("skills");
    for (AgentSkill skill : card.skills()) {
      ObjectNode s = skills.addObject();
      s.put("id", skill.id());
      s.put("name", skill.name());
      s.put("description", skill.description().isEmpty() ? skill.name() : skill.description());
      ArrayNode tags = s.putArray("tags");
      skill.tags().forEach(tags::add);
    }
    authenticator.describe(node);
    // 0.3 discovery fields.
    node.put("url", http + RPC_PATH);
    node.put("preferredTransport", "JSONRPC");
    node.put("protocolVersion", "0.3");
    node.put("supportsAuthenticatedExtendedCard", extendedCard);
    node.putArray("additionalInterfaces").addObject().put("transport", "JSONRPC").put("url", http + RPC_PATH);
    return node;
  }

  private static void addInterface(ArrayNode interfaces, String url, String binding, String version) {
    interfaces.addObject().put("url", url).put("protocolBinding", binding).put("protocolVersion", version);
  }
}
