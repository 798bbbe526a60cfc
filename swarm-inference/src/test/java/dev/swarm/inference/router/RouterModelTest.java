package dev.swarm.inference.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouterModelTest {
  @TempDir Path dir;

  private static final List<String> PROMPTS = List.of(
      "What is the capital of France?",
      "Design a multi-region failover plan for our payments platform and justify each trade-off.",
      "Extract the order id as JSON: order #A-7 shipped");

  @Test
  void writeThenRead_roundTrip_scoresIdentically() {
    RouterModel model = TaskMaster.defaultModel();
    Path file = dir.resolve("router.json");

    model.write(file);
    RouterModel loaded = RouterModel.read(file);

    for (String prompt : PROMPTS) {
      assertThat(loaded.probability(prompt, null)).isEqualTo(model.probability(prompt, null));
    }
    assertThat(loaded.crossValidation()).isEqualTo(model.crossValidation());
  }

  @Test
  void write_sameModelTwice_sameBytes() {
    assertThat(bytes(TaskMaster.defaultModel())).isEqualTo(bytes(TaskMaster.defaultModel()));
  }

  @Test
  void shippedDefault_retrainedFromCorpus_isByteIdentical() throws Exception {
    byte[] shipped;
    try (InputStream in = Objects.requireNonNull(
        getClass().getResourceAsStream(TaskMaster.DEFAULT_MODEL_RESOURCE))) {
      shipped = in.readAllBytes();
    }
    byte[] retrained = bytes(RouterTrainer.train(RouterQualityTest.corpus()).model());
    assertThat(retrained).isEqualTo(shipped);
  }

  @Test
  void read_truncatedFile_rejectedNamingCorruption() throws Exception {
    byte[] whole = bytes(TaskMaster.defaultModel());
    Path file = dir.resolve("truncated.json");
    Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));

    assertThatThrownBy(() -> RouterModel.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("truncated.json")
        .hasMessageContaining("corrupt or truncated");
  }

  @Test
  void read_wrongVersion_rejectedNamingVersion() {
    String json = new String(bytes(TaskMaster.defaultModel()), StandardCharsets.UTF_8)
        .replace("\"version\" : 2,", "\"version\" : 7,");
    assertThatThrownBy(() -> read(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("version 7")
        .hasMessageContaining("reads version 2");
  }

  @Test
  void read_otherFormat_rejectedNamingFormat() {
    assertThatThrownBy(() -> read("{\"format\":\"onnx\",\"version\":1}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("format 'onnx'");
  }

  @Test
  void read_missingWeights_rejectedNamingField() {
    String json = new String(bytes(TaskMaster.defaultModel()), StandardCharsets.UTF_8)
        .replace("\"denseWeights\"", "\"renamedWeights\"");
    assertThatThrownBy(() -> read(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'denseWeights'");
  }

  @Test
  void read_hashedIndexOutOfRange_rejected() {
    String json = new String(bytes(TaskMaster.defaultModel()), StandardCharsets.UTF_8)
        .replaceFirst("\"indices\" : \\[ \\d+", "\"indices\" : [ 99999999");
    assertThatThrownBy(() -> read(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hashed.indices")
        .hasMessageContaining("99999999");
  }

  private static RouterModel read(String json) {
    return RouterModel.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] bytes(RouterModel model) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    model.write(out);
    return out.toByteArray();
  }
}
