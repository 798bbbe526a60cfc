package dev.swarm.examples.cli;

import dev.swarm.api.AgentCard;
import dev.swarm.api.AgentRole;
import dev.swarm.api.AgentSkill;
import dev.swarm.api.Task;
import dev.swarm.api.TaskResult;
import dev.swarm.core.AgentOptions;
import dev.swarm.core.BaseAgent;
import java.util.List;

/**
 * The demo agent {@code swarm a2a-serve} exposes: it echoes, summarises or answers, the last two
 * through the hybrid inference engine, so a remote caller sees routing between the tiers at work.
 * A task without a skill is answered.
 */
final class A2aServeAgent extends BaseAgent {
  static final String ECHO = "echo";
  static final String SUMMARISE = "summarise";
  static final String ANSWER = "answer";

  A2aServeAgent(String description, AgentOptions options) {
    super(new AgentCard("swarm-demo", "swarm demo agent", description, "1.0", AgentRole.WORKER,
        List.of(
            new AgentSkill(ECHO, "Echo", "Returns the input unchanged, without calling a model.", List.of("test")),
            new AgentSkill(SUMMARISE, "Summarise", "Summarises the input in one sentence.", List.of("text")),
            new AgentSkill(ANSWER, "Answer", "Answers the input, routed to the small or large model.",
                List.of("text", "hybrid"))),
        null), options);
  }

  @Override
  protected TaskResult process(Task task) {
    // BaseAgent has already refused skills the card does not list, so the default is ANSWER.
    String skill = task.skill() == null ? ANSWER : task.skill();
    return switch (skill) {
      case ECHO -> TaskResult.completed(task.id(), task.input());
      case SUMMARISE -> TaskResult.completed(task.id(),
          infer("Summarise this in one sentence: \"" + task.input() + "\"").content());
      default -> TaskResult.completed(task.id(), infer(task.input()).content());
    };
  }
}
