/**
 * Vector memory for swarm on jvector: a concurrent graph index ({@link dev.swarm.vector.VectorIndex}),
 * a langchain4j {@code EmbeddingStore} over it, the shared {@code Memory} of a swarm, and the
 * semantic {@code ResponseCache}.
 *
 * <p>Graph work is CPU work: jvector keeps per-thread scratch space, so searches belong on a
 * bounded platform pool. The components that embed text take the {@link java.util.concurrent.Executor}
 * to run on.
 */
@NullMarked
package dev.swarm.vector;

import org.jspecify.annotations.NullMarked;
