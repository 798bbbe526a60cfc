package dev.swarm.api.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InferenceRecordsTest {
  @Test
  void complexityOf_readsScoreAgainstThresholds() {
    assertThat(Complexity.of(0.1, 0.9, 0.3, 0.7).level()).isEqualTo(ComplexityLevel.SIMPLE);
    assertThat(Complexity.of(0.3, 0.9, 0.3, 0.7).level()).isEqualTo(ComplexityLevel.MEDIUM);
    assertThat(Complexity.of(0.69, 0.9, 0.3, 0.7).level()).isEqualTo(ComplexityLevel.MEDIUM);
    assertThat(Complexity.of(0.7, 0.9, 0.3, 0.7).level()).isEqualTo(ComplexityLevel.COMPLEX);
  }

  @Test
  void complexity_scoreOutOfRange_isRejectedEchoingValue() {
    assertThatThrownBy(() -> new Complexity(ComplexityLevel.SIMPLE, 1.5, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("score")
        .hasMessageContaining("1.5");
  }

  @Test
  void complexity_nanConfidence_isRejected() {
    assertThatThrownBy(() -> new Complexity(ComplexityLevel.SIMPLE, 0.5, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("confidence");
  }

  @Test
  void request_defaultsAndToBuilderRoundTrip() {
    InferenceRequest request =
        InferenceRequest.builder("Hello")
            .systemPrompt("Be brief")
            .hint(RoutingHint.FORCE_SMALL)
            .budget(Budget.of("agent-1", 0.5))
            .metadata("k", "v")
            .build();
    assertThat(request.maxTokens()).isEqualTo(InferenceRequest.DEFAULT_MAX_TOKENS);
    assertThat(request.namespace()).isEqualTo(InferenceRequest.DEFAULT_NAMESPACE);
    assertThat(request.toBuilder().build()).isEqualTo(request);
  }

  @Test
  void request_badValues_areRejectedNamingTheField() {
    assertThatThrownBy(() -> InferenceRequest.builder("hi").maxTokens(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxTokens");
    assertThatThrownBy(() -> InferenceRequest.builder("hi").temperature(3).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("temperature")
        .hasMessageContaining("3.0");
    assertThatThrownBy(() -> InferenceRequest.of(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prompt");
  }

  @Test
  void budget_nonPositiveLimit_isRejectedEchoingValue() {
    assertThatThrownBy(() -> Budget.of("b", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limitUsd")
        .hasMessageContaining("0.0");
  }

  @Test
  void tokenUsage_negative_isRejectedAndPlusAdds() {
    assertThatThrownBy(() -> new TokenUsage(-1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("inputTokens");
    assertThat(new TokenUsage(1, 2).plus(new TokenUsage(3, 4))).isEqualTo(new TokenUsage(4, 6));
    assertThat(new TokenUsage(3, 4).totalTokens()).isEqualTo(7);
  }

  @Test
  void result_asCached_zeroesCostAndTokens() {
    InferenceResult original =
        new InferenceResult("Paris", ModelTier.LARGE, "big", new TokenUsage(10, 2), 0.01,
            Duration.ofMillis(900), false, false, null, "auto");
    InferenceResult cached = original.asCached(Duration.ofMillis(1), "semantic hit");
    assertThat(cached.cached()).isTrue();
    assertThat(cached.costUsd()).isZero();
    assertThat(cached.usage()).isEqualTo(TokenUsage.NONE);
    assertThat(cached.content()).isEqualTo("Paris");
    assertThat(cached.decision()).isEqualTo("semantic hit");
  }

  @Test
  void cacheKey_differsWhenSystemPromptOrSettingsDiffer() {
    CacheKey a = CacheKey.of(InferenceRequest.builder("q").systemPrompt("terse").build());
    CacheKey b = CacheKey.of(InferenceRequest.builder("q").systemPrompt("verbose").build());
    CacheKey c = CacheKey.of(InferenceRequest.builder("q").systemPrompt("terse").temperature(0.7).build());
    CacheKey a2 = CacheKey.of(InferenceRequest.builder("q").systemPrompt("terse").build());
    assertThat(a).isEqualTo(a2);
    assertThat(a.scope()).isNotEqualTo(b.scope());
    assertThat(a.scope()).isNotEqualTo(c.scope());
  }
}
