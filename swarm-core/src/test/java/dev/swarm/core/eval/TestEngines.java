package dev.swarm.core.eval;

import dev.swarm.api.inference.InferenceEngine;
import dev.swarm.api.inference.InferenceResult;
import dev.swarm.api.inference.ModelTier;
import dev.swarm.api.inference.TokenUsage;
import java.time.Duration;
import java.util.function.Function;

/** Scripted engines for evaluator tests. */
final class TestEngines {
  private TestEngines() {}

  /** Answers each prompt with {@code reply} applied to it. */
  static InferenceEngine replying(Function<String, String> reply) {
    return request -> new InferenceResult(reply.apply(request.prompt()), ModelTier.LARGE, "scripted",
        TokenUsage.NONE, 0, Duration.ZERO, false, false, null, "scripted");
  }
}
