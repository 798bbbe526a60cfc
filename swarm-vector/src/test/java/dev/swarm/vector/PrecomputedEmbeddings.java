package dev.swarm.vector;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** A model's embeddings of known texts, computed in batches once and then served from memory. */
final class PrecomputedEmbeddings implements EmbeddingModel {
  private final Map<String, Embedding> embeddings = new HashMap<>();
  private final int dimension;

  private PrecomputedEmbeddings(int dimension) {
    this.dimension = dimension;
  }

  static PrecomputedEmbeddings of(EmbeddingModel model, List<String> texts) {
    PrecomputedEmbeddings precomputed = new PrecomputedEmbeddings(model.dimension());
    List<String> distinct = List.copyOf(new LinkedHashSet<>(texts));
    for (int i = 0; i < distinct.size(); i += 64) {
      List<String> batch = distinct.subList(i, Math.min(distinct.size(), i + 64));
      List<Embedding> vectors = model.embedAll(batch.stream().map(TextSegment::from).toList()).content();
      for (int j = 0; j < batch.size(); j++) {
        precomputed.embeddings.put(batch.get(j), vectors.get(j));
      }
    }
    return precomputed;
  }

  @Override
  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
    return Response.from(segments.stream().map(s -> {
      Embedding e = embeddings.get(s.text());
      if (e == null) {
        throw new IllegalArgumentException("not precomputed: " + s.text());
      }
      return e;
    }).toList());
  }

  @Override
  public int dimension() {
    return dimension;
  }
}
