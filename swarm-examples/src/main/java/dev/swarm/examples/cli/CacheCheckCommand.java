package dev.swarm.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.swarm.vector.CacheDecision;
import dev.swarm.vector.SemanticCache;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code swarm cache-check}: says, for each pair of prompts, whether the semantic cache would
 * answer the second with the answer cached for the first.
 */
@Command(
    name = "cache-check",
    mixinStandardHelpOptions = true,
    description = {
      "Says whether the semantic cache, with its default threshold and guards,",
      "would answer prompt b with the answer cached for prompt a. Embeds with",
      "the in-process all-MiniLM-L6-v2 model (offline).",
      "Reads JSON Lines {\"id\":…,\"a\":…,\"b\":…} on stdin; writes one line per",
      "input line, in input order:",
      "  {\"id\":…,\"similarity\":s,\"hit\":true|false}",
      "similarity is the cosine similarity of the prompts' embeddings (1 for the",
      "same prompt); the id (a string or a number) is echoed as given.",
      "A bad line stops the run: its line number and field go to stderr, the",
      "exit status is 2, and the lines before it have already been answered.",
      ""
    })
final class CacheCheckCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--explain",
      description = "Also write why: \"reason\", and \"vetoedBy\" naming the guard that refused a near hit.")
  private boolean explain;

  @Override
  public Integer call() throws IOException {
    SemanticCache cache = SemanticCache.builder(new AllMiniLmL6V2EmbeddingModel()).build();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, UTF_8));
    return JsonLines.run(in, spec.commandLine().getOut(), spec.commandLine().getErr(), line -> answer(cache, line));
  }

  private ObjectNode answer(SemanticCache cache, JsonLines.Line line) {
    JsonNode id = line.requiredId();
    String cached = line.requiredText("a");
    String asked = line.requiredText("b");
    CacheDecision decision = cache.compare(cached, asked);
    ObjectNode output = JsonLines.MAPPER.createObjectNode();
    output.set("id", id);
    output.put("similarity", decision.similarity()).put("hit", decision.hit());
    if (explain) {
      output.put("reason", decision.reason());
      output.put("vetoedBy", decision.vetoedBy() == null ? null : decision.vetoedBy().name().toLowerCase(Locale.ROOT));
    }
    return output;
  }
}
