package dev.swarm.examples.research;

import dev.swarm.api.AgentCard;
import dev.swarm.api.AgentRole;
import dev.swarm.api.Task;
import dev.swarm.api.eval.Evaluator;
import dev.swarm.api.inference.InferenceRequest;
import dev.swarm.api.inference.RoutingHint;
import dev.swarm.api.memory.MemoryHit;
import dev.swarm.core.AgentOptions;
import dev.swarm.core.FailurePolicy;
import dev.swarm.core.Orchestrator;
import dev.swarm.core.PlanResult;
import dev.swarm.core.Planner;
import dev.swarm.core.eval.EvaluatorLoop;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The research swarm's lead: the large model plans (through the stock LLM planner), aggregators
 * work the subtasks, and the lead synthesises the answer from the results it retrieves from shared
 * memory, then runs the evaluator loop: judge, revise with the feedback, keep the best attempt.
 */
final class ResearchLead extends Orchestrator {
  private static final String MASTER_PROMPT =
      "You lead a research swarm. Write answers that rest on the findings in shared memory.";
  private static final int RETRIEVED_FINDINGS = 12;

  private final EvaluatorLoop loop;

  ResearchLead(Planner planner, Evaluator evaluator, int maxRounds) {
    super(AgentCard.of("research-lead", AgentRole.ORCHESTRATOR, "orchestrate"),
        AgentOptions.defaults().withMasterPrompt(MASTER_PROMPT), planner, FailurePolicy.DEGRADE);
    this.loop = EvaluatorLoop.of(evaluator, maxRounds);
  }

  @Override
  protected String synthesize(Task task, PlanResult results) {
    List<MemoryHit> findings = memory().search(task.contextId(), task.input(), RETRIEVED_FINDINGS);
    String prompt = "Task: " + task.input()
        + "\n\nFindings retrieved from shared memory:\n"
        + findings.stream().map(hit -> "- " + hit.entry().text()).collect(Collectors.joining("\n"))
        + "\n\nWrite the final answer to the task from these findings.";
    String draft = infer(prompt, RoutingHint.FORCE_LARGE).content();
    EvaluatorLoop.Refinement refined = loop.withEvents(this::publish, clock()).run(task, draft, (previous, verdict) ->
        infer(InferenceRequest.builder("Task: " + task.input()
                + "\n\nYour previous answer:\n" + previous
                + "\n\nA reviewer found these problems:\n" + verdict.feedback()
                + "\n\nWrite an improved answer to the task.")
            .hint(RoutingHint.FORCE_LARGE)
            .build()).content());
    return refined.answer();
  }
}
