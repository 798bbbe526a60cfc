package dev.swarm.bench.inference;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.swarm.api.inference.Complexity;
import dev.swarm.inference.router.LabelledPrompt;
import dev.swarm.inference.router.RouterTrainer;
import dev.swarm.inference.router.TaskMaster;
import dev.swarm.inference.router.TrainingOptions;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * What it costs TaskMaster to score a 1 KB prompt: on lexical and structural features with the
 * shipped model (target: at most 2 µs and 1 KB allocated per op, run with {@code -prof gc}), and,
 * reported separately, with MiniLM sentence embeddings added (a model trained on the corpus with
 * them at setup), where the embedding itself dominates.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class RoutingBenchmark {
  /** A realistic 1 KB prompt: instructions, a constraint list and a payload to work on. */
  static final String PROMPT_1KB = oneKilobyte();

  private TaskMaster lexical;
  private TaskMaster embedded;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    lexical = TaskMaster.withDefaultModel();
    EmbeddingModel miniLm = new AllMiniLmL6V2EmbeddingModel();
    List<LabelledPrompt> corpus;
    try (Reader reader = new InputStreamReader(Objects.requireNonNull(
        TaskMaster.class.getResourceAsStream("/dev/swarm/inference/router-corpus.jsonl")), StandardCharsets.UTF_8)) {
      corpus = LabelledPrompt.readJsonLines(reader);
    }
    embedded = TaskMaster.builder(RouterTrainer.train(corpus,
            TrainingOptions.builder().embeddingModel(miniLm).tuneL2(false).build()).model())
        .embeddingModel(miniLm)
        .build();
  }

  /** Lexical and structural features with the shipped default model. */
  @Benchmark
  public Complexity scoreLexical() {
    return lexical.classify(PROMPT_1KB);
  }

  /** The same prompt with MiniLM embeddings added to the features. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Complexity scoreWithEmbedding() {
    return embedded.classify(PROMPT_1KB);
  }

  private static String oneKilobyte() {
    String text = "You are reviewing a customer escalation. Read the message below, then extract the order "
        + "number, the product, the customer's main complaint and the remedy they ask for as JSON with the keys "
        + "orderId, product, complaint and remedy. Keep each value under twenty words and do not invent facts.\n"
        + "Message: \"Hello, I ordered the ProBlend 900 blender on 3 March (order 88213-B) and it arrived with a "
        + "cracked jar. I contacted support twice, on 6 and 9 March, and was promised a replacement jar within "
        + "five working days, but nothing has arrived and the tracking link you sent shows no parcel at all. "
        + "I use the blender every morning and I am now without it for almost two weeks. I would like either a "
        + "full refund to my card or a new blender shipped by express delivery this week. Please also confirm "
        + "whether I need to return the damaged unit and who pays for the postage. Thank you, Dana.\"";
    StringBuilder prompt = new StringBuilder(text);
    while (prompt.length() < 1024) {
      prompt.append(' ').append("Answer in English.");
    }
    return prompt.substring(0, 1024);
  }
}
