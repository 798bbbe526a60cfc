package dev.swarm.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarm.api.SwarmException;
import dev.swarm.api.Task;
import dev.swarm.api.inference.InferenceEngine;
import dev.swarm.api.inference.InferenceRequest;
import dev.swarm.api.inference.InferenceResult;
import dev.swarm.api.inference.RoutingHint;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LLM planner: asks the large model for a plan as JSON, reads and validates it, and feeds the
 * problem back to the model when the plan is malformed.
 */
final class ModelPlanner implements Planner {
  private static final Logger LOG = LoggerFactory.getLogger(ModelPlanner.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FORMAT = """
      Split the task below into subtasks. Reply with JSON only, in this shape:
      {"steps":[{"id":"s1","input":"what to do","skill":"one of the skills","dependsOn":[]}]}
      Step ids are unique; dependsOn lists ids of steps whose results the step needs; no cycles.
      """;

  private final InferenceEngine engine;
  private final List<String> skills;
  private final int maxAttempts;

  ModelPlanner(InferenceEngine engine, List<String> skills, int maxAttempts) {
    this.engine = engine;
    this.skills = skills;
    this.maxAttempts = maxAttempts;
  }

  @Override
  public Plan plan(Task task) {
    String prompt = FORMAT + "Skills: " + skills + "\n\nTask: " + task.input();
    String problem = "";
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      InferenceResult answer = engine.infer(InferenceRequest.builder(prompt)
          .hint(RoutingHint.FORCE_LARGE)
          .correlationId(task.correlationId())
          .namespace(task.contextId().value())
          .metadata("purpose", "plan")
          .build());
      // Planning is part of the task's cost: charge the task being orchestrated, if any.
      Run run = Carried.currentRun();
      if (run != null) {
        run.charge(answer.costUsd());
      }
      String reply = answer.content();
      try {
        return read(reply);
      } catch (IllegalArgumentException e) {
        problem = e.getMessage();
        LOG.warn("Plan attempt {} of {} for task {} was malformed ({}); asking the model again with the error",
            attempt, maxAttempts, task.id(), problem);
        prompt = FORMAT + "Skills: " + skills + "\n\nTask: " + task.input()
            + "\n\nYour previous plan was rejected: " + problem + "\nReply with a corrected plan.";
      }
    }
    throw new SwarmException.Permanent("the model gave no valid plan for task " + task.id() + " in " + maxAttempts
        + " attempts; last problem: " + problem);
  }

  /** Reads a plan from the model's reply, tolerating a Markdown code fence around the JSON. */
  Plan read(String reply) {
    JsonNode root;
    try {
      root = JSON.readTree(Json.unfence(reply));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the reply is not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (root == null || !root.path("steps").isArray()) {
      throw new IllegalArgumentException("the reply must be a JSON object with a \"steps\" array");
    }
    List<PlanStep> steps = new ArrayList<>();
    for (JsonNode node : root.get("steps")) {
      String id = node.path("id").asText("");
      String input = node.path("input").asText("");
      String skill = node.path("skill").isTextual() ? node.get("skill").asText() : null;
      if (skill != null && !skills.isEmpty() && !skills.contains(skill)) {
        throw new IllegalArgumentException("step '" + id + "' names unknown skill '" + skill + "'; use one of " + skills);
      }
      List<String> deps = new ArrayList<>();
      node.path("dependsOn").forEach(d -> deps.add(d.asText()));
      steps.add(new PlanStep(id, input, skill, deps));
    }
    return new Plan(steps);
  }
}
