package dev.swarm.vector;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

/** The in-process MiniLM model, loaded once per test JVM: the real embeddings the module ships for. */
final class TestModels {
  static final EmbeddingModel MINI_LM = new AllMiniLmL6V2EmbeddingModel();

  private TestModels() {}
}
