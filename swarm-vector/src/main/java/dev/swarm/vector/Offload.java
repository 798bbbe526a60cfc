package dev.swarm.vector;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.swarm.api.SwarmException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** Runs CPU work (embedding, graph search) on the component's executor and waits for it. */
final class Offload {
  private Offload() {}

  static <T> T run(Executor executor, Supplier<T> work, String what) {
    CompletableFuture<T> future = CompletableFuture.supplyAsync(work, executor);
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      throw new SwarmException.Retriable("interrupted while " + what, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new SwarmException.Permanent(what + " failed: " + e.getCause(), e.getCause());
    }
  }

  /** Embeds {@code text}, turning a model's failure into a retriable one that names the model. */
  static float[] embed(EmbeddingModel model, String text) {
    try {
      return model.embed(text).content().vector();
    } catch (RuntimeException e) {
      throw new SwarmException.Retriable(
          "embedding model " + model.modelName() + " failed: " + e.getMessage(), e);
    }
  }
}
