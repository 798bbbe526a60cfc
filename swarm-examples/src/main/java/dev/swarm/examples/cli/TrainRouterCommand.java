package dev.swarm.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.swarm.inference.router.CrossValidation;
import dev.swarm.inference.router.LabelledPrompt;
import dev.swarm.inference.router.RouterTrainer;
import dev.swarm.inference.router.TrainingOptions;
import dev.swarm.inference.router.TrainingReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code swarm train-router}: trains a router model from labelled prompts on stdin and writes the
 * file {@code swarm route --model} loads, reporting k-fold cross-validation metrics on stderr.
 */
@Command(
    name = "train-router",
    mixinStandardHelpOptions = true,
    description = {
      "Trains a router model from labelled prompts and writes it to --out, for",
      "`swarm route --model`. Reads JSON Lines on stdin:",
      "  {\"prompt\":…,\"label\":\"SMALL|LARGE\"}   (other fields are ignored)",
      "Measures the model by stratified k-fold cross-validation, trains the",
      "final model on every example, and prints the metrics as one JSON line on",
      "stderr; stdout stays empty:",
      "  {\"out\":…,\"folds\":k,\"examples\":n,\"auc\":…,\"accuracy\":…,",
      "   \"calibrationError\":…,\"l2\":…}",
      "Training is deterministic: the same input writes the same bytes. Retrain",
      "the shipped default (from the repository root) with:",
      "  swarm train-router --out \\",
      "   swarm-inference/src/main/resources/dev/swarm/inference/default-router.json \\",
      "   < swarm-inference/src/main/resources/dev/swarm/inference/router-corpus.jsonl",
      "A bad line (not JSON, no prompt, a label other than SMALL or LARGE) is",
      "named with its line number and field on stderr, the exit status is 2,",
      "and no model file is written.",
      ""
    })
final class TrainRouterCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--out", paramLabel = "FILE", required = true,
      description = "Where to write the model; replaced atomically once training succeeds.")
  private Path out;

  @Option(names = "--folds", paramLabel = "K", defaultValue = "5",
      description = "Cross-validation folds, at least 2 (default: ${DEFAULT-VALUE}).")
  private int folds;

  @Option(names = "--embeddings",
      description = "Also learn from all-MiniLM-L6-v2 sentence embeddings (in-process, offline): slower to train "
          + "and to route, often better on paraphrased traffic. route --model loads the embedding model itself.")
  private boolean embeddings;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    TrainingReport report;
    try {
      requireWritableDirectory(out);
      TrainingOptions.Builder options = TrainingOptions.builder().folds(folds);
      if (embeddings) {
        options.embeddingModel(new AllMiniLmL6V2EmbeddingModel());
      }
      List<LabelledPrompt> examples =
          LabelledPrompt.readJsonLines(new BufferedReader(new InputStreamReader(System.in, UTF_8)));
      report = RouterTrainer.train(examples, options.build());
    } catch (IllegalArgumentException e) {
      err.println("train-router: " + e.getMessage());
      err.flush();
      return JsonLines.BAD_INPUT;
    }
    try {
      writeAtomically(report, out);
    } catch (IOException | UncheckedIOException e) {
      err.println("train-router: cannot write --out " + out + ": " + e.getMessage());
      err.flush();
      return 1;
    }
    err.println(summary(report, out));
    err.flush();
    return 0;
  }

  private static void requireWritableDirectory(Path file) {
    Path directory = file.toAbsolutePath().getParent();
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException("--out " + file + " is a directory; name the model file to write");
    }
    if (directory == null || !Files.isDirectory(directory)) {
      throw new IllegalArgumentException("--out " + file + ": directory " + directory + " does not exist");
    }
  }

  /**
   * Writes to a temporary file beside {@code file} and moves it into place, so a failure half way
   * never leaves a truncated model where {@code route --model} (or the shipped default) expects one.
   */
  private static void writeAtomically(TrainingReport report, Path file) throws IOException {
    Path target = file.toAbsolutePath();
    Path temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
    try {
      keepPermissions(temporary, target);
      report.model().write(temporary);
      try {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | UncheckedIOException e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
  }

  /**
   * Gives the temporary file the permissions of the file it replaces, or rw-r--r-- for a new one:
   * temporary files start private, and a model is meant to be read by whoever routes with it.
   */
  private static void keepPermissions(Path temporary, Path target) throws IOException {
    if (!Files.getFileStore(temporary).supportsFileAttributeView(PosixFileAttributeView.class)) {
      return;
    }
    Set<PosixFilePermission> permissions = Files.exists(target)
        ? Files.getPosixFilePermissions(target)
        : PosixFilePermissions.fromString("rw-r--r--");
    Files.setPosixFilePermissions(temporary, permissions);
  }

  private static String summary(TrainingReport report, Path file) throws JsonProcessingException {
    CrossValidation cv = report.crossValidation();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("out", file.toString());
    fields.put("folds", cv.folds());
    fields.put("examples", cv.examples());
    fields.put("auc", cv.auc());
    fields.put("accuracy", cv.accuracy());
    fields.put("calibrationError", cv.calibrationError());
    fields.put("l2", report.l2());
    return JsonLines.MAPPER.writeValueAsString(fields);
  }
}
