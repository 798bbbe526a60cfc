package dev.swarm.bench.core;

import com.google.adk.agents.LlmAgent;
import com.google.adk.agents.ParallelAgent;
import com.google.adk.agents.RunConfig;
import com.google.adk.models.BaseLlm;
import com.google.adk.models.BaseLlmConnection;
import com.google.adk.models.LlmRequest;
import com.google.adk.models.LlmResponse;
import com.google.adk.runner.InMemoryRunner;
import com.google.adk.sessions.Session;
import com.google.genai.types.Content;
import com.google.genai.types.Part;
import dev.langchain4j.agentic.AgenticServices;
import dev.langchain4j.agentic.UntypedAgent;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.swarm.api.AgentCard;
import dev.swarm.api.AgentRole;
import dev.swarm.api.Task;
import dev.swarm.api.TaskResult;
import dev.swarm.api.inference.InferenceEngine;
import dev.swarm.api.inference.InferenceResult;
import dev.swarm.api.inference.ModelTier;
import dev.swarm.api.inference.TokenUsage;
import dev.swarm.core.AgentOptions;
import dev.swarm.core.BaseAgent;
import dev.swarm.core.ExecutorPool;
import dev.swarm.core.FailurePolicy;
import dev.swarm.core.Plan;
import dev.swarm.core.PlanResult;
import dev.swarm.core.PlanStep;
import dev.swarm.core.Swarm;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Fan-out of subtasks to agents, beside the peers a user would pick instead.
 *
 * <p>{@code *FanOut1000}: 1,000 subtasks to agents whose model answers at once, so the time is the
 * orchestration overhead; divide the score (µs per 1,000 subtasks) by 1,000 for µs per subtask
 * (target ≤ 10). swarm runs a {@link Plan} of 1,000 independent steps over 8 worker agents;
 * langchain4j-agentic runs a parallel workflow of 1,000 agents; Google ADK runs a {@code
 * ParallelAgent} of 1,000 {@code LlmAgent}s. Every peer gets an instant stub model and the same
 * kind of executor: a virtual thread per task (swarm's {@link ExecutorPool} I/O lane is one).
 *
 * <p>{@code swarmBlocking10k}: 10,000 subtasks whose model call blocks for 1 s (simulated I/O), in a
 * JVM capped at 512 MB heap; single shot. It prints the wall time and the peak heap in use and fails
 * when either misses its target (1.5 s, 512 MB).
 */
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "--add-modules", "jdk.incubator.vector"})
public class FanOutBenchmark {
  static final int FAN_OUT = 1_000;
  static final int BLOCKING = 10_000;
  static final Duration BLOCK = Duration.ofSeconds(1);

  /** A model that answers at once, or after blocking like a network call. */
  static InferenceEngine engine(Duration delay) {
    return request -> {
      if (!delay.isZero()) {
        try {
          Thread.sleep(delay);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while simulating a model call", e);
        }
      }
      return new InferenceResult("ok", ModelTier.SMALL, "stub", TokenUsage.NONE, 0, Duration.ZERO, false, false, null,
          "stub");
    };
  }

  /** A worker that asks the model once per task. */
  static final class Worker extends BaseAgent {
    Worker(String id, int maxConcurrent) {
      super(AgentCard.of(id, AgentRole.WORKER, "work"),
          AgentOptions.defaults().withMaxConcurrent(maxConcurrent).withQueueCapacity(100_000));
    }

    @Override
    protected TaskResult process(Task task) {
      return TaskResult.completed(task.id(), infer(task.input()).content());
    }
  }

  static Plan plan(int steps) {
    List<PlanStep> list = new ArrayList<>(steps);
    for (int i = 0; i < steps; i++) {
      list.add(PlanStep.of("s" + i, "subtask " + i, "work"));
    }
    return new Plan(list);
  }

  /** swarm: a plan of 1,000 independent steps. */
  @State(Scope.Benchmark)
  public static class SwarmFanOut {
    Swarm swarm;
    Plan plan;

    @Setup(Level.Trial)
    public void setUp() {
      Swarm.Builder b = Swarm.builder().inferenceEngine(engine(Duration.ZERO))
          .pool(ExecutorPool.builder().name("bench").ioConcurrency(10_000).build());
      for (int i = 0; i < 8; i++) {
        b.agent(new Worker("w" + i, 1_000));
      }
      swarm = b.build();
      plan = plan(FAN_OUT);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      swarm.close();
      swarm.context().pool().close();
    }
  }

  /** langchain4j-agentic: a parallel workflow of 1,000 agents. */
  @State(Scope.Benchmark)
  public static class Langchain4jFanOut {
    ExecutorService executor;
    UntypedAgent parallel;

    @Setup(Level.Trial)
    public void setUp() {
      executor = Executors.newVirtualThreadPerTaskExecutor();
      ChatModel model = new ChatModel() {
        @Override
        public ChatResponse doChat(ChatRequest request) {
          return ChatResponse.builder().aiMessage(AiMessage.from("ok")).build();
        }
      };
      Object[] agents = new Object[FAN_OUT];
      for (int i = 0; i < FAN_OUT; i++) {
        agents[i] = AgenticServices.agentBuilder()
            .chatModel(model)
            .name("w" + i)
            .userMessage("{{request}}")
            .inputKey(String.class, "request")
            .outputKey("out" + i)
            .build();
      }
      parallel = AgenticServices.parallelBuilder().subAgents(agents).executor(executor).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      executor.close();
    }
  }

  /** Google ADK: a ParallelAgent of 1,000 LlmAgents. */
  @State(Scope.Benchmark)
  public static class AdkFanOut {
    ExecutorService executor;
    InMemoryRunner runner;
    Content message;
    RunConfig config;

    @Setup(Level.Trial)
    public void setUp() {
      executor = Executors.newVirtualThreadPerTaskExecutor();
      BaseLlm model = new BaseLlm("stub") {
        @Override
        public Flowable<LlmResponse> generateContent(LlmRequest request, boolean stream) {
          return Flowable.just(LlmResponse.builder().content(Content.fromParts(Part.fromText("ok"))).build());
        }

        @Override
        public BaseLlmConnection connect(LlmRequest request) {
          throw new UnsupportedOperationException("live connections are not benchmarked");
        }
      };
      List<LlmAgent> agents = new ArrayList<>(FAN_OUT);
      for (int i = 0; i < FAN_OUT; i++) {
        agents.add(LlmAgent.builder().name("w" + i).model(model).instruction("Answer.").build());
      }
      ParallelAgent parallel = ParallelAgent.builder().name("fanout").subAgents(agents)
          .scheduler(Schedulers.from(executor)).build();
      runner = new InMemoryRunner(parallel, "bench");
      message = Content.fromParts(Part.fromText("subtask"));
      // ADK caps model calls per run at 500 by default; the fan-out makes one per agent.
      config = RunConfig.builder().maxLlmCalls(FAN_OUT * 2).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      executor.close();
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Warmup(iterations = 6, time = 2)
  @Measurement(iterations = 5, time = 2)
  public PlanResult swarmFanOut1000(SwarmFanOut s) throws Exception {
    PlanResult result = s.swarm.execute(s.plan, Task.of("fan out"), FailurePolicy.FAIL_DEPENDENTS).get(1, TimeUnit.MINUTES);
    if (!result.succeeded()) {
      throw new IllegalStateException("swarm fan-out failed: " + result.failedSteps());
    }
    return result;
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Warmup(iterations = 6, time = 2)
  @Measurement(iterations = 5, time = 2)
  public Object langchain4jParallelFanOut1000(Langchain4jFanOut s) {
    Map<String, Object> input = new HashMap<>();
    input.put("request", "subtask");
    return s.parallel.invoke(input);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Warmup(iterations = 6, time = 2)
  @Measurement(iterations = 5, time = 2)
  public int adkParallelFanOut1000(AdkFanOut s) {
    Session session = s.runner.sessionService().createSession("bench", "user").blockingGet();
    int events = s.runner.runAsync("user", session.id(), s.message, s.config).toList().blockingGet().size();
    if (events < FAN_OUT) {
      throw new IllegalStateException("ADK fan-out produced " + events + " events for " + FAN_OUT + " agents");
    }
    return events;
  }

  /** 10,000 subtasks whose model blocks for a second. */
  @State(Scope.Benchmark)
  public static class Blocking {
    Swarm swarm;
    Plan plan;
    long startNanos;

    @Setup(Level.Iteration)
    public void setUp() {
      Swarm.Builder b = Swarm.builder().inferenceEngine(engine(BLOCK))
          .pool(ExecutorPool.builder().name("bench-io").ioConcurrency(BLOCKING).build());
      for (int i = 0; i < 10; i++) {
        b.agent(new Worker("w" + i, BLOCKING / 10));
      }
      swarm = b.build();
      plan = plan(BLOCKING);
      System.gc();
      ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
      startNanos = System.nanoTime();
    }

    @TearDown(Level.Iteration)
    public void tearDown(IterationParams iteration) {
      Duration wall = Duration.ofNanos(System.nanoTime() - startNanos);
      long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP)
          .mapToLong(p -> p.getPeakUsage().getUsed())
          .sum();
      swarm.close();
      swarm.context().pool().close();
      System.out.printf("%nswarmBlocking10k: %d subtasks blocking %d ms each: wall %d ms, peak heap %d MB%n",
          BLOCKING, BLOCK.toMillis(), wall.toMillis(), peakHeap >> 20);
      // Warm-up runs on a cold JIT; only measured runs are held to the targets.
      boolean measured = iteration.getType() == IterationType.MEASUREMENT;
      if (measured && (wall.compareTo(Duration.ofMillis(1_500)) > 0 || peakHeap > 512L << 20)) {
        throw new IllegalStateException("swarmBlocking10k missed its target: wall " + wall.toMillis()
            + " ms (max 1500), peak heap " + (peakHeap >> 20) + " MB (max 512)");
      }
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3)
  @Measurement(iterations = 3)
  public PlanResult swarmBlocking10k(Blocking s) throws Exception {
    PlanResult result = s.swarm.execute(s.plan, Task.of("fan out blocking"), FailurePolicy.FAIL_DEPENDENTS)
        .get(1, TimeUnit.MINUTES);
    if (!result.succeeded()) {
      throw new IllegalStateException("blocking fan-out failed: " + result.failedSteps().size() + " steps, first: "
          + result.result(result.failedSteps().getFirst()).error());
    }
    return result;
  }
}
