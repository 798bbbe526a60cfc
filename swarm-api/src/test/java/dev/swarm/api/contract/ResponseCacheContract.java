package dev.swarm.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarm.api.inference.CacheHit;
import dev.swarm.api.inference.CacheKey;
import dev.swarm.api.inference.InferenceResult;
import dev.swarm.api.inference.ModelTier;
import dev.swarm.api.inference.TokenUsage;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link dev.swarm.api.inference.ResponseCache} must show. Extend it and
 * return a fresh, empty cache from {@link #createCache()}.
 */
public abstract class ResponseCacheContract {
  /** A new, empty cache for one test. */
  protected abstract dev.swarm.api.inference.ResponseCache createCache();

  /** A result as a model would have produced it. */
  protected static InferenceResult answer(String content) {
    return new InferenceResult(
        content, ModelTier.SMALL, "demo-small", new TokenUsage(12, 8), 0.0001,
        Duration.ofMillis(70), false, false, null, "test");
  }

  @Test
  void lookup_emptyCache_misses() {
    assertThat(createCache().lookup(new CacheKey("ns", "scope", "What is the capital of France?"))).isEmpty();
  }

  @Test
  void lookup_afterStore_hitsExactlyWithSameContent() {
    var cache = createCache();
    CacheKey key = new CacheKey("ns", "scope", "What is the capital of France?");
    cache.store(key, answer("Paris"));

    Optional<CacheHit> hit = cache.lookup(key);

    assertThat(hit).isPresent();
    assertThat(hit.get().result().content()).isEqualTo("Paris");
    assertThat(hit.get().exact()).isTrue();
    assertThat(hit.get().similarity()).isEqualTo(1.0);
  }

  @Test
  void lookup_otherNamespace_misses() {
    var cache = createCache();
    cache.store(new CacheKey("tenant-a", "scope", "What is the capital of France?"), answer("Paris"));
    assertThat(cache.lookup(new CacheKey("tenant-b", "scope", "What is the capital of France?"))).isEmpty();
  }

  @Test
  void lookup_otherScope_misses() {
    var cache = createCache();
    cache.store(new CacheKey("ns", "AUTO|1024|0.0|be terse", "What is the capital of France?"), answer("Paris"));
    assertThat(cache.lookup(new CacheKey("ns", "AUTO|1024|0.7|be verbose", "What is the capital of France?")))
        .isEmpty();
  }

  @Test
  void lookup_unrelatedPrompt_misses() {
    var cache = createCache();
    cache.store(new CacheKey("ns", "scope", "What is the capital of France?"), answer("Paris"));
    assertThat(cache.lookup(new CacheKey("ns", "scope", "Write a haiku about autumn leaves."))).isEmpty();
  }

  @Test
  void invalidate_forgetsOnlyThatNamespace() {
    var cache = createCache();
    CacheKey a = new CacheKey("ns-a", "scope", "What is the capital of France?");
    CacheKey b = new CacheKey("ns-b", "scope", "What is the capital of France?");
    cache.store(a, answer("Paris"));
    cache.store(b, answer("Paris"));

    cache.invalidate("ns-a");

    assertThat(cache.lookup(a)).isEmpty();
    assertThat(cache.lookup(b)).isPresent();
  }

  @Test
  void store_sameKeyTwice_keepsLatest() {
    var cache = createCache();
    CacheKey key = new CacheKey("ns", "scope", "Name a primary colour.");
    cache.store(key, answer("Red"));
    cache.store(key, answer("Blue"));
    assertThat(cache.lookup(key)).get().extracting(h -> h.result().content()).isEqualTo("Blue");
  }
}
