package dev.swarm.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swarm.api.SwarmConfig;
import dev.swarm.api.inference.Complexity;
import dev.swarm.inference.router.LabelledPrompt;
import dev.swarm.inference.router.RouterModel;
import dev.swarm.inference.router.RouterTrainer;
import dev.swarm.inference.router.TaskMaster;
import dev.swarm.inference.router.TrainingOptions;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RouteCommandTest {
  private static final String EASY = "What is the capital of Australia?";
  private static final String HARD = "Prove that the square root of 2 is irrational, then generalise to any non-square integer.";

  @TempDir Path dir;

  @Test
  void route_defaultModel_answersEveryLineInOrderEchoingIds() throws Exception {
    Run run = run(line("\"easy-1\"", EASY) + "\n\n" + line("42", HARD) + "\n");

    assertThat(run.exit()).isZero();
    assertThat(run.err()).isEmpty();
    List<JsonNode> lines = run.outLines();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).get("id").isTextual()).isTrue();
    assertThat(lines.get(0).get("id").asText()).isEqualTo("easy-1");
    assertThat(lines.get(1).get("id").isInt()).isTrue();
    assertThat(lines.get(1).get("id").asInt()).isEqualTo(42);
    assertThat(lines.get(0).fieldNames()).toIterable().containsExactly("id", "score", "level", "confidence", "tier");
    assertThat(lines.get(0).get("tier").asText()).isEqualTo("SMALL");
    assertThat(lines.get(1).get("tier").asText()).isEqualTo("LARGE");
    assertThat(lines.get(1).get("level").asText()).isEqualTo("COMPLEX");
  }

  @Test
  void route_defaultModel_reportsTaskMastersScoreAndConfidence() throws Exception {
    Complexity expected = TaskMaster.withDefaultModel(SwarmConfig.fromEnv()).classify(EASY);

    JsonNode answer = run(line("1", EASY) + "\n").outLines().get(0);

    assertThat(answer.get("score").asDouble()).isEqualTo(expected.score());
    assertThat(answer.get("confidence").asDouble()).isEqualTo(expected.confidence());
    assertThat(answer.get("confidence").asDouble()).isCloseTo(Math.abs(2 * expected.score() - 1), within(1e-12));
    assertThat(answer.get("level").asText()).isEqualTo(expected.level().name());
  }

  @Test
  void route_interactive_answersEachLineBeforeTheNextArrives() throws Exception {
    PipedOutputStream stdin = new PipedOutputStream();
    InputStream saved = System.in;
    StringWriter out = new StringWriter();
    try {
      System.setIn(new PipedInputStream(stdin));
      CommandLine cli = SwarmCommand.commandLine();
      cli.setOut(new PrintWriter(out));
      cli.setErr(new PrintWriter(new StringWriter()));
      CompletableFuture<Integer> exit = new CompletableFuture<>();
      Thread.ofPlatform().name("route-under-test").start(() -> exit.complete(cli.execute("route")));

      stdin.write((line("1", EASY) + "\n").getBytes(UTF_8));
      stdin.flush();
      await().atMost(Duration.ofSeconds(30)).until(() -> out.toString().lines().count() == 1);
      stdin.write((line("2", HARD) + "\n").getBytes(UTF_8));
      stdin.close();

      assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
      assertThat(out.toString().lines()).hasSize(2);
    } finally {
      stdin.close();
      System.setIn(saved);
    }
  }

  @Test
  void route_modelOption_routesWithThatModel() throws Exception {
    List<LabelledPrompt> inverted;
    try (InputStream corpus = getClass().getResourceAsStream("/cli/router-inverted.jsonl")) {
      inverted = LabelledPrompt.readJsonLines(new InputStreamReader(corpus, UTF_8));
    }
    Path file = dir.resolve("inverted.json");
    RouterTrainer.train(inverted, TrainingOptions.builder().folds(2).build()).model().write(file);
    double expected = TaskMaster.builder(RouterModel.read(file)).build().classify(EASY).score();

    JsonNode answer = run(line("1", EASY) + "\n", "--model", file.toString()).outLines().get(0);

    assertThat(answer.get("score").asDouble()).isEqualTo(expected);
    assertThat(answer.get("tier").asText()).isEqualTo("LARGE"); // the inverted corpus calls easy prompts LARGE
  }

  @Test
  void route_missingPromptOnLineTwo_keepsLineOneNamesLineAndFieldExitsTwo() throws Exception {
    Run run = run(line("1", EASY) + "\n{\"id\":2}\n" + line("3", HARD) + "\n");

    assertThat(run.exit()).isEqualTo(JsonLines.BAD_INPUT);
    assertThat(run.outLines()).hasSize(1);
    assertThat(run.outLines().get(0).get("id").asInt()).isEqualTo(1);
    assertThat(run.err()).contains("line 2").contains("'prompt'");
  }

  @Test
  void route_malformedJson_namesTheLine() throws Exception {
    Run run = run("{\"id\":1,\"prompt\":\"unterminated\n");

    assertThat(run.exit()).isEqualTo(JsonLines.BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("line 1").contains("not valid JSON");
  }

  @Test
  void route_missingOrObjectId_namesTheIdField() throws Exception {
    Run missing = run("{\"prompt\":\"hi there\"}\n");
    Run object = run("{\"id\":{\"a\":1},\"prompt\":\"hi there\"}\n");

    assertThat(missing.exit()).isEqualTo(JsonLines.BAD_INPUT);
    assertThat(missing.err()).contains("line 1").contains("missing field 'id'");
    assertThat(object.exit()).isEqualTo(JsonLines.BAD_INPUT);
    assertThat(object.err()).contains("line 1").contains("'id' must be a string or a number but was object");
  }

  @Test
  void route_modelFileMissingOrCorrupt_exitsTwoNamingTheOption() throws Exception {
    Path corrupt = Files.writeString(dir.resolve("corrupt.json"), "{\"format\":\"swarm-router\"");

    Run missing = run(line("1", EASY) + "\n", "--model", dir.resolve("nope.json").toString());
    Run broken = run(line("1", EASY) + "\n", "--model", corrupt.toString());

    assertThat(missing.exit()).isEqualTo(JsonLines.BAD_INPUT);
    assertThat(missing.err()).contains("--model").contains("nope.json").contains("does not exist");
    assertThat(broken.exit()).isEqualTo(JsonLines.BAD_INPUT);
    assertThat(broken.err()).contains("--model").contains("is not a router model");
    assertThat(missing.out() + broken.out()).isEmpty();
  }

  @Test
  void route_help_describesInputAndOutputLines() throws Exception {
    Run run = run("", "--help");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("--model").contains("{\"id\":…,\"prompt\":…}").contains("\"tier\"");
  }

  private static String line(String id, String prompt) {
    return "{\"id\":" + id + ",\"prompt\":" + JsonLines.MAPPER.valueToTree(prompt) + "}";
  }

  /** Runs {@code swarm route args} in-process with {@code stdin} as standard input. */
  private static Run run(String stdin, String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "route";
    System.arraycopy(args, 0, command, 1, args.length);
    return Run.of(stdin, command);
  }

  /** One in-process run of the command line: its exit status and what it wrote. */
  record Run(int exit, String out, String err) {
    static Run of(String stdin, String... args) {
      InputStream saved = System.in;
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      try {
        System.setIn(new ByteArrayInputStream(stdin.getBytes(UTF_8)));
        CommandLine cli = SwarmCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
      } finally {
        System.setIn(saved);
      }
    }

    List<JsonNode> outLines() throws Exception {
      List<JsonNode> nodes = new java.util.ArrayList<>();
      for (String text : out.lines().toList()) {
        nodes.add(JsonLines.MAPPER.readTree(text));
      }
      return nodes;
    }
  }
}
