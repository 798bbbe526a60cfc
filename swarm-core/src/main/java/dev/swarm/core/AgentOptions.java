package dev.swarm.core;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link BaseAgent} runs its tasks: its standing instructions, how many tasks it runs at
 * once, how many more it queues before refusing, and the deadline of a task that names none.
 *
 * <pre>{@code
 * AgentOptions options = AgentOptions.defaults()
 *     .withMasterPrompt("You summarise financial reports in three bullet points.")
 *     .withMaxConcurrent(8)
 *     .withQueueCapacity(0); // refuse instead of queueing
 * }</pre>
 *
 * @param masterPrompt standing instructions sent as the system prompt of every model call, or null
 * @param maxConcurrent the most tasks running at once, at least one
 * @param queueCapacity tasks waiting beyond those; zero refuses a task when all slots are busy
 * @param timeout the deadline of a task that names none, or null for the context's {@code
 *     WORKER_TIMEOUT}
 */
public record AgentOptions(@Nullable String masterPrompt, int maxConcurrent, int queueCapacity, @Nullable Duration timeout) {
  /** Validates; messages name the setting and echo the value. */
  public AgentOptions {
    if (masterPrompt != null && masterPrompt.isBlank()) {
      throw new IllegalArgumentException("masterPrompt must not be blank; pass null for none");
    }
    if (maxConcurrent < 1) {
      throw new IllegalArgumentException("maxConcurrent must be > 0 but was " + maxConcurrent);
    }
    if (queueCapacity < 0) {
      throw new IllegalArgumentException("queueCapacity must be >= 0 but was " + queueCapacity);
    }
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("timeout (WORKER_TIMEOUT) must be > 0 but was " + timeout);
    }
  }

  /** No master prompt, 16 concurrent tasks, a queue of 1,024, the swarm's {@code WORKER_TIMEOUT}. */
  public static AgentOptions defaults() {
    return new AgentOptions(null, 16, 1024, null);
  }

  /** A copy with these standing instructions. */
  public AgentOptions withMasterPrompt(@Nullable String prompt) {
    return new AgentOptions(prompt, maxConcurrent, queueCapacity, timeout);
  }

  /** A copy that runs at most {@code count} tasks at once. */
  public AgentOptions withMaxConcurrent(int count) {
    return new AgentOptions(masterPrompt, count, queueCapacity, timeout);
  }

  /** A copy that queues up to {@code capacity} tasks when busy; zero rejects them instead. */
  public AgentOptions withQueueCapacity(int capacity) {
    return new AgentOptions(masterPrompt, maxConcurrent, capacity, timeout);
  }

  /** A copy whose tasks without a deadline get {@code newTimeout} instead of the swarm's {@code WORKER_TIMEOUT}. */
  public AgentOptions withTimeout(Duration newTimeout) {
    return new AgentOptions(masterPrompt, maxConcurrent, queueCapacity,
        Objects.requireNonNull(newTimeout, "timeout must not be null"));
  }
}
