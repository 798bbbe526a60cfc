package dev.swarm.core;

import dev.swarm.api.inference.InferenceEngine;
import dev.swarm.api.inference.InferenceRequest;
import dev.swarm.api.inference.InferenceResult;
import dev.swarm.api.inference.ModelTier;
import dev.swarm.api.inference.RoutingHint;
import dev.swarm.api.inference.TokenUsage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A deterministic stand-in for a hosted model: answers from a script and records every request. */
final class ScriptedEngine implements InferenceEngine {
  private final Function<InferenceRequest, String> answers;
  private final double costPerCall;
  final List<InferenceRequest> requests = new CopyOnWriteArrayList<>();

  private ScriptedEngine(Function<InferenceRequest, String> answers, double costPerCall) {
    this.answers = answers;
    this.costPerCall = costPerCall;
  }

  /** Answers with {@code answers} applied to each request. */
  static ScriptedEngine answering(Function<InferenceRequest, String> answers, double costPerCall) {
    return new ScriptedEngine(answers, costPerCall);
  }

  /** Answers with the given replies in order, repeating the last. */
  static ScriptedEngine replies(String... replies) {
    Deque<String> queue = new ArrayDeque<>(List.of(replies));
    return new ScriptedEngine(r -> {
      synchronized (queue) {
        return queue.size() > 1 ? queue.poll() : queue.peek();
      }
    }, 0.01);
  }

  @Override
  public InferenceResult infer(InferenceRequest request) {
    requests.add(request);
    ModelTier tier = request.hint() == RoutingHint.FORCE_SMALL ? ModelTier.SMALL : ModelTier.LARGE;
    return new InferenceResult(answers.apply(request), tier, "scripted-" + tier, new TokenUsage(10, 5), costPerCall,
        Duration.ZERO, false, false, null, "scripted");
  }
}
