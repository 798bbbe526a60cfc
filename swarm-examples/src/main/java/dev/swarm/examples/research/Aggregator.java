package dev.swarm.examples.research;

import dev.swarm.api.AgentCard;
import dev.swarm.api.AgentRole;
import dev.swarm.api.Task;
import dev.swarm.api.TaskResult;
import dev.swarm.api.TaskStatus;
import dev.swarm.api.inference.InferenceResult;
import dev.swarm.api.memory.MemoryHit;
import dev.swarm.core.AgentOptions;
import dev.swarm.core.BaseAgent;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A research-swarm aggregator: works one subtask with the whole task's context, retrieved from
 * shared vector memory, in its prompt. Its master prompt goes with every model call it makes
 * ({@link BaseAgent} puts it first in the system prompt).
 */
public final class Aggregator extends BaseAgent {
  /** The skill every aggregator offers; the planner assigns subtasks to it. */
  public static final String SKILL = "research";

  static final String MASTER_PROMPT =
      "You are a research aggregator in a swarm. Use the shared context you are given, stay on your "
          + "subtask, and state findings plainly so the synthesiser can cite them.";

  private static final int CONTEXT_ENTRIES = 4;

  /** An aggregator with id {@code id}. */
  public Aggregator(String id) {
    super(AgentCard.of(id, AgentRole.AGGREGATOR, SKILL),
        AgentOptions.defaults().withMasterPrompt(MASTER_PROMPT).withMaxConcurrent(4));
  }

  @Override
  protected TaskResult process(Task task) {
    List<MemoryHit> context = memory().search(task.contextId(), task.input(), CONTEXT_ENTRIES);
    String prompt = "Context from shared memory:\n"
        + context.stream().map(hit -> "- " + hit.entry().text()).collect(Collectors.joining("\n"))
        + "\n\nSubtask: " + task.input();
    InferenceResult answer = infer(prompt);
    return new TaskResult(task.id(), TaskStatus.COMPLETED, answer.content(), null, answer.latency(), answer.costUsd(),
        Map.of("tier", answer.tier().name(), "agent", id(), "contextEntries", Integer.toString(context.size())));
  }
}
