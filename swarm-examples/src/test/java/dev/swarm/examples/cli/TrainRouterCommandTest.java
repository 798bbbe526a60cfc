package dev.swarm.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swarm.examples.cli.RouteCommandTest.Run;
import dev.swarm.inference.router.RouterModel;
import dev.swarm.inference.router.TaskMaster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainRouterCommandTest {
  /** The corpus the shipped default was trained on, as swarm-inference packages it. */
  private static final String CORPUS = "/dev/swarm/inference/router-corpus.jsonl";

  @TempDir Path dir;

  @Test
  void trainRouter_shippedCorpus_reproducesTheShippedDefaultByteForByte() throws Exception {
    Path out = dir.resolve("default-router.json");

    Run run = Run.of(resource(CORPUS), "train-router", "--out", out.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(Files.readAllBytes(out)).isEqualTo(resourceBytes(TaskMaster.DEFAULT_MODEL_RESOURCE));
    JsonNode summary = JsonLines.MAPPER.readTree(run.err().strip());
    assertThat(summary.get("out").asText()).isEqualTo(out.toString());
    assertThat(summary.get("folds").asInt()).isEqualTo(5);
    assertThat(summary.get("examples").asInt()).isEqualTo(resource(CORPUS).strip().split("\n").length);
    assertThat(summary.get("auc").asDouble()).isEqualTo(TaskMaster.defaultModel().crossValidation().auc());
    assertThat(summary.get("accuracy").asDouble()).isEqualTo(TaskMaster.defaultModel().crossValidation().accuracy());
    assertThat(summary.get("calibrationError").asDouble())
        .isEqualTo(TaskMaster.defaultModel().crossValidation().calibrationError());
    assertThat(summary.has("l2")).isTrue();
  }

  @Test
  void trainRouter_folds_trainsAModelRouteLoads() throws Exception {
    Path out = dir.resolve("inverted.json");

    Run trained = Run.of(resource("/cli/router-inverted.jsonl"), "train-router", "--out", out.toString(), "--folds", "4");
    Run routed = Run.of("{\"id\":\"q\",\"prompt\":\"What is the capital of Australia?\"}\n",
        "route", "--model", out.toString());

    assertThat(trained.exit()).as(trained.err()).isZero();
    JsonNode summary = JsonLines.MAPPER.readTree(trained.err().strip());
    assertThat(summary.get("folds").asInt()).isEqualTo(4);
    assertThat(summary.get("examples").asInt()).isEqualTo(16);
    assertThat(RouterModel.read(out).crossValidation().folds()).isEqualTo(4);
    assertThat(routed.exit()).as(routed.err()).isZero();
    assertThat(routed.outLines().get(0).get("tier").asText()).isEqualTo("LARGE");
  }

  @Test
  void trainRouter_embeddings_writesAModelRouteLoadsWithTheSameEmbedder() throws Exception {
    Path out = dir.resolve("embedded.json");
    String question = "{\"id\":1,\"prompt\":\"What is the capital of Australia?\"}\n";

    Run trained = Run.of(resource("/cli/router-inverted.jsonl"), "train-router", "--out", out.toString(),
        "--folds", "2", "--embeddings");
    Run routed = Run.of(question, "route", "--model", out.toString());
    Path foreign = Files.writeString(dir.resolve("foreign.json"), Files.readString(out)
        .replace(RouterModel.read(out).embeddingModel().orElseThrow(), "text-embedding-3-small"));
    Run refused = Run.of(question, "route", "--model", foreign.toString());

    assertThat(trained.exit()).as(trained.err()).isZero();
    assertThat(RouterModel.read(out).embeddingModel()).isPresent();
    assertThat(routed.exit()).as(routed.err()).isZero();
    assertThat(routed.outLines().get(0).get("tier").asText()).isEqualTo("LARGE");
    assertThat(refused.exit()).isEqualTo(JsonLines.BAD_INPUT);
    assertThat(refused.err()).contains("text-embedding-3-small").contains("--embeddings");
  }

  @Test
  void trainRouter_outputFile_isReadableLikeTheFileItReplaces() throws Exception {
    assumeTrue(Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class));
    Path fresh = dir.resolve("fresh.json");
    Path replaced = Files.writeString(dir.resolve("replaced.json"), "old model");
    Files.setPosixFilePermissions(replaced, PosixFilePermissions.fromString("rw-r-----"));

    Run first = Run.of(resource("/cli/router-inverted.jsonl"), "train-router", "--out", fresh.toString(), "--folds", "2");
    Run second = Run.of(resource("/cli/router-inverted.jsonl"), "train-router", "--out", replaced.toString(), "--folds", "2");

    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rw-r--r--");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(replaced))).isEqualTo("rw-r-----");
    assertThat(Files.readAllBytes(replaced)).isEqualTo(Files.readAllBytes(fresh));
  }

  @Test
  void trainRouter_unknownLabel_namesLineAndFieldAndWritesNoFile() throws Exception {
    Path out = dir.resolve("model.json");
    String input = resource("/cli/router-inverted.jsonl") + "{\"prompt\":\"Say hi\",\"label\":\"MEDIUM\"}\n";

    Run run = Run.of(input, "train-router", "--out", out.toString());

    assertThat(run.exit()).isEqualTo(JsonLines.BAD_INPUT);
    assertThat(run.err()).contains("line 17").contains("'label'").contains("MEDIUM");
    assertThat(out).doesNotExist();
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void trainRouter_missingPrompt_namesLineAndFieldAndKeepsTheExistingFile() throws Exception {
    Path out = Files.writeString(dir.resolve("model.json"), "the previous model");

    Run run = Run.of("{\"prompt\":\"Say hi\",\"label\":\"SMALL\"}\n{\"label\":\"LARGE\"}\n",
        "train-router", "--out", out.toString());

    assertThat(run.exit()).isEqualTo(JsonLines.BAD_INPUT);
    assertThat(run.err()).contains("line 2").contains("'prompt'");
    assertThat(out).hasContent("the previous model");
  }

  @Test
  void trainRouter_malformedLine_namesTheLine() throws Exception {
    Path out = dir.resolve("model.json");

    Run run = Run.of("{\"prompt\":\"Say hi\",\"label\":\"SMALL\"}\nnot json\n", "train-router", "--out", out.toString());

    assertThat(run.exit()).isEqualTo(JsonLines.BAD_INPUT);
    assertThat(run.err()).contains("line 2").contains("not valid JSON");
    assertThat(out).doesNotExist();
  }

  @Test
  void trainRouter_fewerExamplesOfALabelThanFolds_explainsAndWritesNoFile() throws Exception {
    Path out = dir.resolve("model.json");

    Run run = Run.of("{\"prompt\":\"Say hi\",\"label\":\"SMALL\"}\n{\"prompt\":\"Prove it\",\"label\":\"LARGE\"}\n",
        "train-router", "--out", out.toString());

    assertThat(run.exit()).isEqualTo(JsonLines.BAD_INPUT);
    assertThat(run.err()).contains("at least 5 SMALL and 5 LARGE");
    assertThat(out).doesNotExist();
  }

  @Test
  void trainRouter_badOptions_areRefusedNamingThem() {
    Run noOut = Run.of("", "train-router");
    Run oneFold = Run.of("", "train-router", "--out", dir.resolve("m.json").toString(), "--folds", "1");
    Run noDirectory = Run.of("", "train-router", "--out", dir.resolve("missing/m.json").toString());

    assertThat(noOut.exit()).isEqualTo(JsonLines.BAD_INPUT);
    assertThat(noOut.err()).contains("--out");
    assertThat(oneFold.exit()).isEqualTo(JsonLines.BAD_INPUT);
    assertThat(oneFold.err()).contains("folds must be >= 2 but was 1");
    assertThat(noDirectory.exit()).isEqualTo(JsonLines.BAD_INPUT);
    assertThat(noDirectory.err()).contains("--out").contains("does not exist");
  }

  @Test
  void trainRouter_help_documentsWhereTheMetricsGo() {
    Run run = Run.of("", "train-router", "--help");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("stderr").contains("stdout stays empty").contains("--folds");
  }

  private static String resource(String name) throws IOException {
    return new String(resourceBytes(name), UTF_8);
  }

  private static byte[] resourceBytes(String name) throws IOException {
    try (InputStream in = Objects.requireNonNull(TrainRouterCommandTest.class.getResourceAsStream(name), name)) {
      return in.readAllBytes();
    }
  }
}
