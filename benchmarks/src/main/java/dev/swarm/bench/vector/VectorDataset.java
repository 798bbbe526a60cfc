package dev.swarm.bench.vector;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Real sentences embedded with all-MiniLM-L6-v2 (384-d), for the vector benchmarks: Javadoc prose
 * from the JDK's own {@code lib/src.zip}, read in a fixed order so every machine builds the same
 * set, embedded once and cached under {@code benchmarks/target/vector-data}.
 *
 * <p>Build it ahead of a run (it takes minutes on a small machine):
 * {@code java -cp benchmarks/target/benchmarks.jar dev.swarm.bench.vector.VectorDataset 101000}
 */
public final class VectorDataset {
  static final int DIMENSION = 384;
  private static final int MAGIC = 0x4D4C4D36; // "MLM6"
  private static final Path DIR = Path.of(System.getProperty("swarm.bench.data", "benchmarks/target/vector-data"));
  private static final Pattern JAVADOC = Pattern.compile("/\\*\\*(.*?)\\*/", Pattern.DOTALL);
  private static final Pattern INLINE_TAG = Pattern.compile("\\{@(?:code|literal|link|linkplain|value)\\s+([^}]*)}");
  private static final Pattern HTML = Pattern.compile("<[^>]+>|&[a-z]+;");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z])");

  /** The sentences and their unit-length embeddings, row i for sentence i. */
  record Data(List<String> texts, float[][] vectors) {}

  private VectorDataset() {}

  /** Builds (or checks) the cached dataset of {@code args[0]} sentences. */
  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 21_000;
    Data data = load(count);
    System.out.println("dataset ready: " + data.texts().size() + " sentences, " + DIMENSION + "-d, in " + DIR);
  }

  /** The first {@code count} sentences with embeddings, from the cache or built now. */
  static Data load(int count) {
    try {
      Path file = DIR.resolve("minilm-" + count + ".bin");
      if (Files.exists(file)) {
        return read(file);
      }
      List<String> texts = sentences(count);
      float[][] vectors = new float[count][];
      int reused = reusePrefix(count, texts, vectors);
      embed(texts, vectors, reused);
      Data data = new Data(texts, vectors);
      write(file, data);
      return data;
    } catch (IOException e) {
      throw new UncheckedIOException("could not build the vector dataset in " + DIR, e);
    }
  }

  private static List<String> sentences(int count) throws IOException {
    Path src = Path.of(System.getProperty("java.home"), "lib", "src.zip");
    if (!Files.exists(src)) {
      throw new IllegalStateException("the dataset is built from " + src
          + ", which this JDK lacks; run with a full JDK (e.g. Temurin) that ships lib/src.zip");
    }
    Set<String> found = new LinkedHashSet<>();
    try (ZipFile zip = new ZipFile(src.toFile())) {
      List<? extends ZipEntry> entries = zip.stream()
          .filter(e -> e.getName().endsWith(".java"))
          .sorted(Comparator.comparing(ZipEntry::getName))
          .toList();
      for (ZipEntry entry : entries) {
        try (InputStream in = zip.getInputStream(entry)) {
          Matcher doc = JAVADOC.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          while (doc.find()) {
            for (String sentence : SENTENCE_END.split(prose(doc.group(1)))) {
              if (usable(sentence) && found.add(sentence) && found.size() == count) {
                return new ArrayList<>(found);
              }
            }
          }
        }
      }
    }
    throw new IllegalStateException("src.zip holds only " + found.size() + " usable sentences, " + count + " asked");
  }

  private static String prose(String comment) {
    StringBuilder text = new StringBuilder();
    for (String line : comment.split("\n")) {
      String stripped = line.strip();
      stripped = stripped.startsWith("*") ? stripped.substring(1).strip() : stripped;
      if (stripped.startsWith("@")) {
        break; // block tags (@param, @return) are terse fragments, not prose
      }
      text.append(stripped).append(' ');
    }
    String plain = INLINE_TAG.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1).strip()));
    return HTML.matcher(plain).replaceAll(" ").replaceAll("\\s+", " ").strip();
  }

  private static boolean usable(String sentence) {
    int words = sentence.split(" ").length;
    return words >= 6 && words <= 40 && Character.isUpperCase(sentence.charAt(0))
        && sentence.chars().filter(Character::isLetter).count() > sentence.length() * 0.7;
  }

  /**
   * At least the first {@code count} sentences with embeddings: a larger cached dataset as it is
   * (sentences come in a fixed order, so its prefix is the smaller one), else {@link #load}.
   */
  static Data loadAtLeast(int count) {
    if (Files.isDirectory(DIR)) {
      try (var files = Files.list(DIR)) {
        Optional<Path> larger = files
            .filter(p -> p.getFileName().toString().matches("minilm-\\d+\\.bin"))
            .filter(p -> sizeOf(p) >= count)
            .min(Comparator.comparingInt(VectorDataset::sizeOf));
        if (larger.isPresent()) {
          return read(larger.get());
        }
      } catch (IOException e) {
        throw new UncheckedIOException("could not read the vector dataset in " + DIR, e);
      }
    }
    return load(count);
  }

  private static int sizeOf(Path file) {
    String name = file.getFileName().toString();
    return Integer.parseInt(name.substring("minilm-".length(), name.length() - ".bin".length()));
  }

  private static int reusePrefix(int count, List<String> texts, float[][] vectors) throws IOException {
    if (!Files.isDirectory(DIR)) {
      return 0;
    }
    try (var files = Files.list(DIR)) {
      for (Path other : files.filter(p -> p.getFileName().toString().matches("minilm-\\d+\\.bin")).toList()) {
        Data data = read(other);
        int shared = Math.min(count, data.texts().size());
        if (shared > 0 && data.texts().subList(0, shared).equals(texts.subList(0, shared))) {
          System.arraycopy(data.vectors(), 0, vectors, 0, shared);
          return shared;
        }
      }
    }
    return 0;
  }

  private static void embed(List<String> texts, float[][] vectors, int from) {
    if (from == texts.size()) {
      return;
    }
    EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();
    int batch = 256;
    long start = System.nanoTime();
    for (int i = from; i < texts.size(); i += batch) {
      List<TextSegment> segments = texts.subList(i, Math.min(texts.size(), i + batch)).stream()
          .map(TextSegment::from).toList();
      List<Embedding> embeddings = model.embedAll(segments).content();
      for (int j = 0; j < embeddings.size(); j++) {
        vectors[i + j] = unit(embeddings.get(j).vector());
      }
      if ((i / batch) % 20 == 0) {
        System.err.printf("embedded %d/%d sentences in %d s%n", i + segments.size(), texts.size(),
            (System.nanoTime() - start) / 1_000_000_000L);
      }
    }
  }

  private static float[] unit(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    float scale = (float) (1 / Math.sqrt(norm));
    float[] u = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      u[i] = v[i] * scale;
    }
    return u;
  }

  private static Data read(Path file) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readInt() != MAGIC || in.readInt() != DIMENSION) {
        throw new IOException(file + " is not a MiniLM dataset file; delete it to rebuild");
      }
      int count = in.readInt();
      List<String> texts = new ArrayList<>(count);
      float[][] vectors = new float[count][DIMENSION];
      for (int i = 0; i < count; i++) {
        texts.add(in.readUTF());
        for (int d = 0; d < DIMENSION; d++) {
          vectors[i][d] = in.readFloat();
        }
      }
      return new Data(texts, vectors);
    }
  }

  private static void write(Path file, Data data) throws IOException {
    Files.createDirectories(DIR);
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16))) {
      out.writeInt(MAGIC);
      out.writeInt(DIMENSION);
      out.writeInt(data.texts().size());
      for (int i = 0; i < data.texts().size(); i++) {
        out.writeUTF(data.texts().get(i));
        for (float x : data.vectors()[i]) {
          out.writeFloat(x);
        }
      }
    }
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
