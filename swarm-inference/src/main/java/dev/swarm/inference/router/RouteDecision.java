package dev.swarm.inference.router;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarm.api.inference.Complexity;
import dev.swarm.api.inference.ModelTier;
import java.util.Objects;

/**
 * TaskMaster's answer for one prompt: its complexity reading and the tier it goes to.
 *
 * @param id the caller's id for the prompt
 * @param complexity the score, level and confidence
 * @param tier the tier the prompt is routed to
 */
public record RouteDecision(String id, Complexity complexity, ModelTier tier) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Validates. */
  public RouteDecision {
    Objects.requireNonNull(id, "id must not be null");
    Objects.requireNonNull(complexity, "complexity must not be null");
    Objects.requireNonNull(tier, "tier must not be null");
  }

  /**
   * This decision as the {@code swarm route} output line: {@code
   * {"id":…,"score":p,"level":"SIMPLE|MEDIUM|COMPLEX","confidence":c,"tier":"SMALL|LARGE"}}.
   */
  public String toJson() {
    ObjectNode node = JSON.createObjectNode().put("id", id);
    return TaskMaster.fill(node, complexity, tier).toString();
  }
}
