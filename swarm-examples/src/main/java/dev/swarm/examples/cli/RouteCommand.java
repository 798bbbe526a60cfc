package dev.swarm.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.swarm.api.SwarmConfig;
import dev.swarm.api.inference.Complexity;
import dev.swarm.inference.router.RouterModel;
import dev.swarm.inference.router.TaskMaster;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code swarm route}: scores each prompt with {@link TaskMaster} and says which tier it goes to,
 * one JSON line out per JSON line in.
 */
@Command(
    name = "route",
    mixinStandardHelpOptions = true,
    description = {
      "Scores prompts with the learned router (TaskMaster) and picks a tier each.",
      "Reads JSON Lines {\"id\":…,\"prompt\":…} on stdin; writes one line per",
      "input line, in input order:",
      "  {\"id\":…,\"score\":p,\"level\":\"SIMPLE|MEDIUM|COMPLEX\",",
      "   \"confidence\":c,\"tier\":\"SMALL|LARGE\"}",
      "score is the probability that the prompt needs the large model; the id",
      "(a string or a number) is echoed as given. Levels follow SIMPLE_THRESHOLD",
      "(default 0.3) and COMPLEX_THRESHOLD (default 0.7) from the environment.",
      "A bad line stops the run: its line number and field go to stderr, the",
      "exit status is 2, and the lines before it have already been answered.",
      ""
    })
final class RouteCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(
      names = "--model",
      paramLabel = "FILE",
      description = "A router model written by train-router (default: the model shipped with swarm).")
  private @Nullable Path model;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    TaskMaster router;
    try {
      router = router();
    } catch (IllegalArgumentException | UncheckedIOException e) {
      err.println("route: " + e.getMessage());
      err.flush();
      return JsonLines.BAD_INPUT;
    }
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, UTF_8));
    return JsonLines.run(in, spec.commandLine().getOut(), err, line -> answer(router, line));
  }

  /** The router: the shipped or given model, read against the thresholds in the environment. */
  private TaskMaster router() {
    SwarmConfig config = SwarmConfig.fromEnv();
    RouterModel routerModel = model == null ? TaskMaster.defaultModel() : readModel(model);
    TaskMaster.Builder builder = TaskMaster.builder(routerModel).config(config);
    routerModel.embeddingModel().ifPresent(name -> builder.embeddingModel(embeddingModelNamed(name)));
    return builder.build();
  }

  /** The embedding model a router model was trained with; only the one train-router offers can be loaded. */
  private EmbeddingModel embeddingModelNamed(String name) {
    if (!name.equals(AllMiniLmL6V2EmbeddingModel.class.getName()) && !name.equalsIgnoreCase("all-minilm-l6-v2")) {
      throw new IllegalArgumentException("--model " + model + " was trained on embeddings from " + name
          + ", which route cannot load; retrain it with train-router --embeddings (all-MiniLM-L6-v2) or without");
    }
    return new AllMiniLmL6V2EmbeddingModel();
  }

  private static RouterModel readModel(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("--model " + file + " does not exist or is not a file");
    }
    try {
      return RouterModel.read(file);
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException("cannot read --model " + file + ": " + e.getCause().getMessage(), e.getCause());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--model " + file + " is not a router model: " + e.getMessage(), e);
    }
  }

  private static ObjectNode answer(TaskMaster router, JsonLines.Line line) {
    JsonNode id = line.requiredId();
    String prompt = line.requiredText("prompt");
    Complexity complexity = router.classify(prompt);
    ObjectNode output = JsonLines.MAPPER.createObjectNode();
    output.set("id", id);
    return output
        .put("score", complexity.score())
        .put("level", complexity.level().name())
        .put("confidence", complexity.confidence())
        .put("tier", router.tierFor(complexity).name());
  }
}
