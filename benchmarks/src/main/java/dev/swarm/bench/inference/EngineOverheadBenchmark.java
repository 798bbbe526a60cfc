package dev.swarm.bench.inference;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.swarm.api.inference.InferenceRequest;
import dev.swarm.api.inference.InferenceResult;
import dev.swarm.api.inference.ModelTier;
import dev.swarm.inference.HybridInferenceEngine;
import dev.swarm.inference.ModelProvider;
import dev.swarm.inference.PriceSheet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hybrid engine's own cost per call (target: at most 20 µs): classification, tier choice,
 * retry, circuit breaker, bulkhead and time limiter (which hands each attempt to a virtual
 * thread), accounting, meters and events, around a model that answers instantly.
 * {@code directModelCall} is the model alone, for subtraction.
 *
 * <p>Workers call the engine from virtual threads, where handing an attempt to another virtual
 * thread and waiting for it is cheap; {@code engineCallFromVirtualThread} measures that, running a
 * batch of calls in one virtual thread per operation. {@code engineCall} calls from JMH's platform
 * thread, which pays an OS-level park and wake-up per call, and is the pessimistic figure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class EngineOverheadBenchmark {
  static final int BATCH = 100;

  private static final ChatResponse ANSWER = ChatResponse.builder()
      .aiMessage(AiMessage.from("Paris")).tokenUsage(new TokenUsage(12, 2)).build();

  private final ChatModel instant = new ChatModel() {
    @Override
    public ChatResponse doChat(ChatRequest request) {
      return ANSWER;
    }
  };
  private final InferenceRequest request = InferenceRequest.of("What is the capital of France?");
  private final ChatRequest chatRequest = ChatRequest.builder()
      .messages(dev.langchain4j.data.message.UserMessage.from("What is the capital of France?")).build();
  private HybridInferenceEngine engine;

  @Setup
  public void setUp() {
    engine = HybridInferenceEngine.builder()
        .small(ModelProvider.of(ModelTier.SMALL, "instant-small", instant, PriceSheet.perRequest(0.0001)))
        .large(ModelProvider.of(ModelTier.LARGE, "instant-large", instant, PriceSheet.perRequest(0.01)))
        .build();
  }

  /** A routed call through the whole engine. */
  @Benchmark
  public InferenceResult engineCall() {
    return engine.infer(request);
  }

  /** Routed calls made the way workers make them: from a virtual thread. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public InferenceResult engineCallFromVirtualThread() throws InterruptedException {
    InferenceResult[] last = new InferenceResult[1];
    Thread.ofVirtual().start(() -> {
      for (int i = 0; i < BATCH; i++) {
        last[0] = engine.infer(request);
      }
    }).join();
    return last[0];
  }

  /** The instant model called directly, the part of {@link #engineCall} that is not overhead. */
  @Benchmark
  public ChatResponse directModelCall() {
    return instant.chat(chatRequest);
  }
}
