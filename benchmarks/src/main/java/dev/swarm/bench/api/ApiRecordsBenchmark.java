package dev.swarm.bench.api;

import dev.swarm.api.Task;
import dev.swarm.api.inference.CacheKey;
import dev.swarm.api.inference.InferenceRequest;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of the records every call creates: a task, an inference request and its cache key.
 * These sit on the hot path of every model call, so they must stay far below a microsecond; this
 * is also the benchmark that proves the harness works.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class ApiRecordsBenchmark {
  private final InferenceRequest request =
      InferenceRequest.builder("Extract the sender, date and subject of this email as JSON.")
          .systemPrompt("You are a precise extraction agent.")
          .maxTokens(256)
          .build();

  /** A top-level task with fresh ids. */
  @Benchmark
  public Task newTask() {
    return Task.of("Summarise the quarterly report in three bullet points.");
  }

  /** An inference request through its builder. */
  @Benchmark
  public InferenceRequest newRequest() {
    return InferenceRequest.builder("What is the capital of France?").maxTokens(64).build();
  }

  /** The cache key the engine derives for every call. */
  @Benchmark
  public CacheKey cacheKey() {
    return CacheKey.of(request);
  }
}
