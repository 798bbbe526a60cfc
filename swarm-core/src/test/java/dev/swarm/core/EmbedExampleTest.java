package dev.swarm.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarm.api.AgentCard;
import dev.swarm.api.AgentRole;
import dev.swarm.api.Task;
import dev.swarm.api.TaskResult;
import dev.swarm.api.inference.InferenceEngine;
import dev.swarm.core.eval.Evaluators;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's "embed it" example, compiled and run so it cannot rot. */
class EmbedExampleTest {
  static final class Summariser extends BaseAgent {
    Summariser() {
      super(AgentCard.of("summariser", AgentRole.WORKER, "summarise"),
          AgentOptions.defaults().withMasterPrompt("Summarise in one sentence."));
    }

    @Override
    protected TaskResult process(Task task) {
      return TaskResult.completed(task.id(), infer(task.input()).content());
    }
  }

  @Test
  void readmeExample_orchestratorWorkerAndEvaluator_answersTheTask() {
    // A scripted model: plans one summarise step, summarises, synthesizes, and judges.
    InferenceEngine engine = ScriptedEngine.answering(request -> switch (request.metadata().getOrDefault("purpose", "")) {
      case "plan" -> "{\"steps\":[{\"id\":\"s1\",\"input\":\"Summarise the Q3 report\",\"skill\":\"summarise\"}]}";
      case "judge" -> "{\"score\":0.9,\"feedback\":\"\"}";
      default -> request.prompt().startsWith("Task: ") ? "Q3 grew 12%." : "Revenue grew 12% in Q3.";
    }, 0.001);
    SwarmTest.RecordingMemory memory = new SwarmTest.RecordingMemory();

    try (Swarm swarm = Swarm.builder()
        .inferenceEngine(engine)
        .memory(memory)
        .agent(Orchestrator.of("lead", Planner.llm(engine, List.of("summarise"))))
        .agent(new Summariser())
        .evaluator(Evaluators.judge(engine, "Accurate and one sentence", 0.7))
        .build()) {
      TaskResult result = swarm.submit(Task.of("Summarise the Q3 report")).result().join();

      assertThat(result.isCompleted()).isTrue();
      assertThat(result.output()).isEqualTo("Q3 grew 12%.");
      assertThat(result.metadata()).containsEntry("evaluation.pass", "true");
    }
  }
}
