package dev.swarm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DemoCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = SwarmCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void demo_json_reportsBothSystemsOnLabelledOfflineModels() throws Exception {
    int status = run("demo", "--tasks", "24", "--time-scale", "0.01", "--json");

    assertThat(status).isZero();
    JsonNode report = new ObjectMapper().readTree(out.toString());
    assertThat(report.path("offline").asBoolean()).isTrue();
    assertThat(report.path("models").asText()).contains("demo-small").contains("demo-large");

    JsonNode questions = report.path("research").path("questions");
    assertThat(questions).hasSize(3);
    assertThat(questions.get(0).path("how").asText()).isEqualTo("swarm");
    assertThat(questions.get(1).path("how").asText()).isEqualTo("cache (exact)");
    assertThat(questions.get(2).path("how").asText()).isEqualTo("cache (semantic)");
    assertThat(report.path("research").path("verdictsFailed").asInt()).isPositive();

    JsonNode hybrid = report.path("hybrid");
    assertThat(hybrid.path("tasks").asInt()).isEqualTo(24);
    assertThat(hybrid.path("completed").asInt()).isEqualTo(24);
    assertThat(hybrid.path("tiers")).hasSize(2);
    int requests = hybrid.path("tiers").get(0).path("requests").asInt() + hybrid.path("tiers").get(1).path("requests").asInt();
    assertThat(requests).isGreaterThanOrEqualTo(24);
    assertThat(hybrid.path("totalCostUsd").asDouble()).isLessThan(hybrid.path("allLargeCostUsd").asDouble());
    assertThat(err.toString()).contains("hybrid: 24/24 done");
  }

  @Test
  void demo_text_labelsOfflineModelsAndShowsTheCostTable() {
    int status = run("demo", "--tasks", "12", "--time-scale", "0.01");

    assertThat(status).isZero();
    assertThat(out.toString())
        .contains("OFFLINE DEMO MODELS")
        .contains("Research swarm")
        .contains("cache (exact)")
        .contains("Hybrid swarm: 12 tasks")
        .contains("vs all-large")
        .contains("fallbacks");
  }

  @Test
  void demo_badTimeScale_isRejectedNamingTheOption() {
    int status = run("demo", "--time-scale", "-1");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("--time-scale").contains("-1");
  }
}
