package dev.swarm.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarm.api.SwarmConfig;
import dev.swarm.examples.models.ModelTiers;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The demo on real model clients: langchain4j's OpenAI client over HTTP to a local compatible server. */
class RealModelDemoTest {
  @Test
  void run_withSlmEndpointAndOpenAiBase_usesRealClientsForBothTiers() throws Exception {
    try (LocalOpenAiServer server = new LocalOpenAiServer()) {
      SwarmConfig config = SwarmConfig.builder()
          .slmEndpoint(server.baseUrl().toString())
          .slmModel("local-small")
          .openAiApiBase(server.baseUrl().toString())
          .openAiApiKey("test-key")
          .llmModel("local-large")
          .build();
      ModelTiers tiers = ModelTiers.from(config, 1.0, 0);
      StringWriter progress = new StringWriter();

      DemoReport report = new DemoRun(config, tiers, 1.0, 12, new PrintWriter(progress), false).run();

      assertThat(tiers.offline()).isFalse();
      assertThat(report.offline()).isFalse();
      assertThat(report.models()).contains("small=local-small").contains("large=local-large").doesNotContain("demo-");
      assertThat(report.toText()).doesNotContain("OFFLINE DEMO MODELS");
      assertThat(report.hybrid().completed()).isEqualTo(12);
      assertThat(server.calls("local-small")).isPositive();
      assertThat(server.calls("local-large")).isPositive();
      assertThat(report.research().questions().getFirst().how()).isEqualTo("swarm");
      int served = server.calls("local-small") + server.calls("local-large");
      int accounted = report.research().modelCalls()
          + report.hybrid().tiers().stream().mapToInt(DemoReport.Tier::requests).sum();
      assertThat(served).isEqualTo(accounted);
    }
  }
}
