package dev.swarm.examples.quickstart;

import dev.swarm.api.AgentCard;
import dev.swarm.api.AgentRole;
import dev.swarm.api.Task;
import dev.swarm.api.TaskResult;
import dev.swarm.api.inference.InferenceResult;
import dev.swarm.api.memory.MemoryHit;
import dev.swarm.core.AgentOptions;
import dev.swarm.core.BaseAgent;
import java.util.List;
import java.util.stream.Collectors;

// README:begin
/**
 * A custom worker: everything but {@link #process} — lifecycle, load limits, deadlines, the
 * correlation id in the logs, events, metrics, cancellation — comes from {@link BaseAgent}.
 */
public final class SummaryWorker extends BaseAgent {
  /** The skill this worker offers; a planner assigns subtasks to it by this name. */
  public static final String SKILL = "summarise";

  /** A worker named {@code id} that runs up to four tasks at once. */
  public SummaryWorker(String id) {
    super(AgentCard.of(id, AgentRole.WORKER, SKILL),
        AgentOptions.defaults()
            .withMasterPrompt("You summarise for busy executives: one plain sentence per point.")
            .withMaxConcurrent(4));
  }

  @Override
  protected TaskResult process(Task task) {
    // Shared memory holds what other agents learned about this task (when the swarm has memory).
    List<MemoryHit> context = memory().search(task.contextId(), task.input(), 3);
    String notes = context.stream().map(hit -> hit.entry().text()).collect(Collectors.joining("\n"));
    // The master prompt goes with this call; the engine picks the small or large model.
    InferenceResult answer = infer(notes.isEmpty() ? task.input() : task.input() + "\n\nNotes:\n" + notes);
    return TaskResult.completed(task.id(), answer.content());
  }
}
// README:end
