package dev.swarm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SwarmConfigTest {
  @Test
  void from_emptyEnvironment_givesDefaults() {
    SwarmConfig config = SwarmConfig.from(Map.of());
    assertThat(config.simpleThreshold()).isEqualTo(0.3);
    assertThat(config.complexThreshold()).isEqualTo(0.7);
    assertThat(config.slmFallback()).isTrue();
    assertThat(config.hybridInference()).isTrue();
    assertThat(config.workerTimeout()).isEqualTo(Duration.ofSeconds(300));
    assertThat(config.a2aHost()).isEqualTo("127.0.0.1");
    assertThat(config.hasRealModel()).isFalse();
  }

  @Test
  void from_readsEveryName() {
    SwarmConfig config =
        SwarmConfig.from(
            Map.ofEntries(
                Map.entry("ANTHROPIC_API_KEY", "sk-ant"),
                Map.entry("LLM_MODEL", "claude-sonnet"),
                Map.entry("OPENAI_API_KEY", "sk-oai"),
                Map.entry("OPENAI_API_BASE", "http://127.0.0.1:9/v1"),
                Map.entry("SLM_ENDPOINT", "http://127.0.0.1:8080/v1"),
                Map.entry("SLM_MODEL", "llama-3.2-1b"),
                Map.entry("ENABLE_SLM_FALLBACK", "false"),
                Map.entry("ENABLE_HYBRID_INFERENCE", "0"),
                Map.entry("SIMPLE_THRESHOLD", "0.25"),
                Map.entry("COMPLEX_THRESHOLD", "0.8"),
                Map.entry("MAX_PROCESS_WORKERS", "3"),
                Map.entry("MAX_THREAD_WORKERS", "500"),
                Map.entry("MAX_WORKERS", "6"),
                Map.entry("WORKER_TIMEOUT", "2.5"),
                Map.entry("A2A_HOST", "0.0.0.0"),
                Map.entry("A2A_PORT", "9000")));
    assertThat(config.anthropicApiKey()).isEqualTo("sk-ant");
    assertThat(config.llmModel()).isEqualTo("claude-sonnet");
    assertThat(config.openAiApiKey()).isEqualTo("sk-oai");
    assertThat(config.openAiApiBase()).isEqualTo("http://127.0.0.1:9/v1");
    assertThat(config.slmEndpoint()).isEqualTo("http://127.0.0.1:8080/v1");
    assertThat(config.slmModel()).isEqualTo("llama-3.2-1b");
    assertThat(config.slmFallback()).isFalse();
    assertThat(config.hybridInference()).isFalse();
    assertThat(config.simpleThreshold()).isEqualTo(0.25);
    assertThat(config.complexThreshold()).isEqualTo(0.8);
    assertThat(config.maxProcessWorkers()).isEqualTo(3);
    assertThat(config.maxThreadWorkers()).isEqualTo(500);
    assertThat(config.maxWorkers()).isEqualTo(6);
    assertThat(config.workerTimeout()).isEqualTo(Duration.ofMillis(2500));
    assertThat(config.a2aHost()).isEqualTo("0.0.0.0");
    assertThat(config.a2aPort()).isEqualTo(9000);
    assertThat(config.hasRealModel()).isTrue();
  }

  @Test
  void from_unparsableNumber_namesVariableAndValue() {
    assertThatThrownBy(() -> SwarmConfig.from(Map.of("SIMPLE_THRESHOLD", "low")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SIMPLE_THRESHOLD")
        .hasMessageContaining("low");
  }

  @Test
  void from_badBoolean_namesVariableAndValue() {
    assertThatThrownBy(() -> SwarmConfig.from(Map.of("ENABLE_SLM_FALLBACK", "maybe")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ENABLE_SLM_FALLBACK")
        .hasMessageContaining("maybe");
  }

  @Test
  void build_thresholdsOutOfOrder_isRejectedNamingBoth() {
    assertThatThrownBy(() -> SwarmConfig.builder().simpleThreshold(0.8).complexThreshold(0.5).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SIMPLE_THRESHOLD")
        .hasMessageContaining("COMPLEX_THRESHOLD")
        .hasMessageContaining("0.8");
  }

  @Test
  void build_portOutOfRange_isRejectedEchoingValue() {
    assertThatThrownBy(() -> SwarmConfig.builder().a2aPort(70_000).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("A2A_PORT")
        .hasMessageContaining("70000");
  }

  @Test
  void build_zeroWorkers_isRejectedNamingSetting() {
    assertThatThrownBy(() -> SwarmConfig.builder().maxProcessWorkers(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MAX_PROCESS_WORKERS");
  }

  @Test
  void build_zeroTimeout_isRejectedNamingSetting() {
    assertThatThrownBy(() -> SwarmConfig.builder().workerTimeout(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("WORKER_TIMEOUT");
  }
}
