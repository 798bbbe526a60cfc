package dev.swarm.vector;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.swarm.api.SwarmException;
import dev.swarm.api.inference.CacheHit;
import dev.swarm.api.inference.CacheKey;
import dev.swarm.api.inference.InferenceResult;
import dev.swarm.api.inference.ResponseCache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A two-tier {@link ResponseCache}: an exact tier (same namespace, scope and prompt) in front of a
 * semantic tier that answers a prompt with the answer cached for a similar one, in the same
 * namespace and scope, when their embeddings' cosine similarity reaches the threshold and no
 * {@link Guard} objects.
 *
 * <pre>{@code
 * SemanticCache cache = SemanticCache.builder(new AllMiniLmL6V2EmbeddingModel())
 *     .timeToLive(Duration.ofHours(1))
 *     .maximumSize(100_000)
 *     .meterRegistry(registry)
 *     .build();
 * cache.store(CacheKey.of(request), result);
 * Optional<CacheHit> hit = cache.lookup(CacheKey.of(similarRequest));
 * CacheDecision why = cache.compare("What is the capital of France?", "Tell me France's capital.");
 * }</pre>
 *
 * <p>Both tiers share one time to live and one size bound: an answer leaves both at once. Called
 * on the inference engine's thread; embedding and search run on the executor given to the
 * builder (the calling thread by default). If the embedding model fails, the cache degrades to
 * its exact tier and logs a warning rather than failing the request.
 */
public final class SemanticCache implements ResponseCache {
  /**
   * The default similarity threshold, calibrated on the paraphrase set in this module's tests
   * (all-MiniLM-L6-v2 embeddings, guards on).
   */
  public static final double DEFAULT_THRESHOLD = 0.88;

  private static final Logger LOG = LoggerFactory.getLogger(SemanticCache.class);
  private static final int CANDIDATES = 4;
  private static final String PARTITION = "partition";
  private static final String PROMPT = "prompt";

  private final EmbeddingModel model;
  private final double threshold;
  private final EnumSet<Guard> guards;
  private final @Nullable Executor executor;
  private final VectorIndex index;
  private final Cache<ExactKey, CachedAnswer> answers;
  private final Cache<String, EmbeddedPrompt> recentPrompts;
  private final Counter exactHits;
  private final Counter semanticHits;
  private final Counter misses;
  private final Map<Guard, Counter> vetoes = new EnumMap<>(Guard.class);
  private final Map<RemovalCause, Counter> removals = new EnumMap<>(RemovalCause.class);

  /** What the exact tier files an answer under: the prompt with its whitespace normalised. */
  private record ExactKey(String namespace, String scope, String prompt) {
    static ExactKey of(CacheKey key) {
      return new ExactKey(key.namespace(), key.scope(), normalize(key.prompt()));
    }

    String partition() {
      return namespace + '\u0000' + scope;
    }
  }

  private record CachedAnswer(String vectorId, PromptFeatures features, InferenceResult result) {}

  /**
   * A prompt's embedding, and its guard features once a near hit needs them: most lookups meet no
   * candidate above the threshold, so they never pay for the analysis.
   */
  private static final class EmbeddedPrompt {
    final String text;
    final float[] vector;
    // Racing threads may both analyse; the record is immutable, so either result is safe to publish.
    private @Nullable PromptFeatures features;

    EmbeddedPrompt(String text, float[] vector) {
      this.text = text;
      this.vector = vector;
    }

    PromptFeatures features() {
      PromptFeatures known = features;
      if (known == null) {
        known = PromptAnalyzer.analyze(text);
        features = known;
      }
      return known;
    }
  }

  private SemanticCache(Builder b) {
    this.model = b.model;
    this.threshold = b.threshold;
    this.guards = EnumSet.copyOf(b.guards);
    this.executor = b.executor;
    // Without product quantization: the full vectors stay in memory anyway, and training it would
    // take a core from lookups just as the cache fills up.
    this.index = VectorIndex.builder(model.dimension()).withoutProductQuantization().build();
    MeterRegistry registry = b.registry;
    this.exactHits = lookups(registry, "exact_hit");
    this.semanticHits = lookups(registry, "semantic_hit");
    this.misses = lookups(registry, "miss");
    for (Guard guard : Guard.values()) {
      vetoes.put(guard, Counter.builder("swarm.cache.vetoes").tag("guard", guard.name().toLowerCase(Locale.ROOT))
          .description("near hits refused by a guard: false hits caught").register(registry));
    }
    for (RemovalCause cause : RemovalCause.values()) {
      removals.put(cause, Counter.builder("swarm.cache.removals").tag("cause", cause.name().toLowerCase(Locale.ROOT))
          .description("answers leaving the cache").register(registry));
    }
    Ticker ticker = b.clock == null ? Ticker.systemTicker() : () -> nanos(b.clock.instant());
    this.answers = Caffeine.newBuilder()
        .maximumSize(b.maximumSize)
        .expireAfterWrite(b.timeToLive)
        .ticker(ticker)
        // Removal runs on the writer's thread so the semantic tier never serves what left the exact one.
        .executor(Runnable::run)
        .removalListener(this::onRemoval)
        .build();
    this.recentPrompts = Caffeine.newBuilder().maximumSize(1_024).executor(Runnable::run).build();
    registry.gauge("swarm.cache.size", answers, cache -> cache.estimatedSize());
  }

  /** A builder for a cache that embeds prompts with {@code model}. */
  public static Builder builder(EmbeddingModel model) {
    return new Builder(model);
  }

  @Override
  public Optional<CacheHit> lookup(CacheKey key) {
    Objects.requireNonNull(key, "key must not be null");
    ExactKey exactKey = ExactKey.of(key);
    CachedAnswer exact = answers.getIfPresent(exactKey);
    if (exact != null) {
      exactHits.increment();
      return Optional.of(new CacheHit(exact.result(), 1.0, true));
    }
    Optional<CacheHit> hit;
    try {
      hit = offload(() -> semanticLookup(key.prompt(), exactKey), "looking up the semantic cache");
    } catch (SwarmException e) {
      LOG.warn("semantic cache lookup skipped, serving the exact tier only: {}. Check the embedding model {}",
          e.getMessage(), model.modelName());
      hit = Optional.empty();
    }
    (hit.isPresent() ? semanticHits : misses).increment();
    return hit;
  }

  @Override
  public void store(CacheKey key, InferenceResult result) {
    Objects.requireNonNull(key, "key must not be null");
    Objects.requireNonNull(result, "result must not be null");
    ExactKey exactKey = ExactKey.of(key);
    try {
      offload(() -> {
        String vectorId = UUID.randomUUID().toString();
        EmbeddedPrompt prompt = embedded(key.prompt());
        index.add(vectorId, prompt.vector, Map.of(PARTITION, exactKey.partition(), PROMPT, exactKey.prompt()));
        answers.put(exactKey, new CachedAnswer(vectorId, prompt.features(), result));
        return vectorId;
      }, "storing in the semantic cache");
    } catch (SwarmException e) {
      LOG.warn("answer not cached: {}. Check the embedding model {}", e.getMessage(), model.modelName());
    }
  }

  @Override
  public void invalidate(String namespace) {
    Objects.requireNonNull(namespace, "namespace must not be null");
    List<ExactKey> doomed = answers.asMap().keySet().stream()
        .filter(key -> key.namespace().equals(namespace)).toList();
    answers.invalidateAll(doomed);
  }

  /**
   * Whether this cache would answer {@code asked} with the answer cached for {@code cached}, in
   * the same namespace and scope: the decision a {@link #lookup} makes, by the same code, with
   * this cache's threshold and guards. Nothing is stored.
   */
  public CacheDecision compare(String cached, String asked) {
    Objects.requireNonNull(cached, "cached must not be null");
    Objects.requireNonNull(asked, "asked must not be null");
    if (normalize(cached).equals(normalize(asked))) {
      return new CacheDecision(1.0, true, "exact match", null);
    }
    EmbeddedPrompt one = offload(() -> embedded(cached), "embedding a prompt");
    EmbeddedPrompt other = offload(() -> embedded(asked), "embedding a prompt");
    return decide(cosine(one.vector, other.vector), one.features(), other.features());
  }

  /** The counts behind this cache's metrics. */
  public SemanticCacheStats stats() {
    answers.cleanUp();
    long vetoed = vetoes.values().stream().mapToLong(c -> (long) c.count()).sum();
    return new SemanticCacheStats((long) exactHits.count(), (long) semanticHits.count(), (long) misses.count(),
        vetoed, (long) removals.get(RemovalCause.EXPIRED).count(), (long) removals.get(RemovalCause.SIZE).count(),
        (long) removals.get(RemovalCause.EXPLICIT).count(), answers.estimatedSize());
  }

  /** The similarity threshold this cache answers at. */
  public double threshold() {
    return threshold;
  }

  private Optional<CacheHit> semanticLookup(String prompt, ExactKey asked) {
    EmbeddedPrompt embedded = embedded(prompt);
    List<VectorHit> candidates = index.search(
        embedded.vector, CANDIDATES, VectorFilter.metadataEquals(PARTITION, asked.partition()));
    Guard firstVeto = null;
    for (VectorHit candidate : candidates) {
      double similarity = candidate.cosine();
      if (similarity < threshold) {
        break; // candidates come best first: the rest are below the threshold too
      }
      CachedAnswer answer = answers.getIfPresent(
          new ExactKey(asked.namespace(), asked.scope(), candidate.metadata().get(PROMPT)));
      if (answer == null || !answer.vectorId().equals(candidate.id())) {
        continue; // expired or replaced since the search
      }
      Guard veto = firstVeto(answer.features(), embedded.features());
      if (veto == null) {
        return Optional.of(new CacheHit(answer.result(), Math.max(0, Math.min(1, similarity)), false));
      }
      if (firstVeto == null) {
        firstVeto = veto;
        if (LOG.isDebugEnabled()) {
          LOG.debug("semantic cache near hit refused: {}",
              decide(similarity, answer.features(), embedded.features()).reason());
        }
      }
    }
    if (firstVeto != null) {
      vetoes.get(firstVeto).increment();
    }
    return Optional.empty();
  }

  /** The first guard, in declaration order, that refuses a hit; null if all pass. */
  private @Nullable Guard firstVeto(PromptFeatures cached, PromptFeatures asked) {
    for (Guard guard : guards) {
      if (guard.veto(cached, asked).isPresent()) {
        return guard;
      }
    }
    return null;
  }

  /** The decision with its reason spelled out; for {@link #compare} and debug logs, not every lookup. */
  private CacheDecision decide(double similarity, PromptFeatures cached, PromptFeatures asked) {
    if (similarity < threshold) {
      return new CacheDecision(similarity, false,
          String.format(Locale.ROOT, "similarity %.3f is below the threshold %.3f", similarity, threshold), null);
    }
    for (Guard guard : guards) {
      Optional<String> veto = guard.veto(cached, asked);
      if (veto.isPresent()) {
        return new CacheDecision(similarity, false, veto.get(), guard);
      }
    }
    return new CacheDecision(similarity, true, String.format(Locale.ROOT,
        "similarity %.3f reaches the threshold %.3f and every guard passed", similarity, threshold), null);
  }

  private EmbeddedPrompt embedded(String prompt) {
    EmbeddedPrompt known = recentPrompts.getIfPresent(prompt);
    return known != null ? known : recentPrompts.get(prompt, p -> new EmbeddedPrompt(p, Offload.embed(model, p)));
  }

  /** Runs {@code work} on the executor, or right here when none was given: no future to allocate. */
  private <T> T offload(Supplier<T> work, String what) {
    return executor == null ? work.get() : Offload.run(executor, work, what);
  }

  private void onRemoval(@Nullable ExactKey key, @Nullable CachedAnswer answer, RemovalCause cause) {
    if (answer != null) {
      index.remove(answer.vectorId());
    }
    removals.get(cause).increment();
  }

  private static Counter lookups(MeterRegistry registry, String outcome) {
    return Counter.builder("swarm.cache.lookups").tag("outcome", outcome)
        .description("response cache lookups by outcome").register(registry);
  }

  /**
   * The prompt stripped of surrounding whitespace, with every inner run of ASCII whitespace turned
   * into one space; the prompt itself, not a copy, when it is normalised already, as most are.
   */
  static String normalize(String prompt) {
    int start = 0;
    int end = prompt.length();
    while (start < end && Character.isWhitespace(prompt.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(prompt.charAt(end - 1))) {
      end--;
    }
    StringBuilder rewritten = null;
    int i = start;
    while (i < end) {
      char c = prompt.charAt(i);
      if (!isAsciiSpace(c)) {
        if (rewritten != null) {
          rewritten.append(c);
        }
        i++;
        continue;
      }
      int runEnd = i + 1;
      while (runEnd < end && isAsciiSpace(prompt.charAt(runEnd))) {
        runEnd++;
      }
      if (rewritten == null && (c != ' ' || runEnd - i > 1)) {
        rewritten = new StringBuilder(end - start).append(prompt, start, i);
      }
      if (rewritten != null) {
        rewritten.append(' ');
      }
      i = runEnd;
    }
    if (rewritten != null) {
      return rewritten.toString();
    }
    return start == 0 && end == prompt.length() ? prompt : prompt.substring(start, end);
  }

  private static boolean isAsciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double normA = 0;
    double normB = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      normA += a[i] * a[i];
      normB += b[i] * b[i];
    }
    return dot / Math.sqrt(normA * normB);
  }

  private static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  /** Settings for a {@link SemanticCache}; every setter but the model is optional. */
  public static final class Builder {
    private final EmbeddingModel model;
    private double threshold = DEFAULT_THRESHOLD;
    private Duration timeToLive = Duration.ofHours(1);
    private long maximumSize = 100_000;
    private Set<Guard> guards = EnumSet.allOf(Guard.class);
    private @Nullable InstantSource clock;
    private @Nullable Executor executor;
    private MeterRegistry registry = new SimpleMeterRegistry();

    private Builder(EmbeddingModel model) {
      this.model = Objects.requireNonNull(model, "model must not be null");
    }

    /** Cosine similarity a prompt needs to reach to share an answer (default {@link SemanticCache#DEFAULT_THRESHOLD}). */
    public Builder similarityThreshold(double threshold) {
      if (!(threshold > 0 && threshold <= 1)) {
        throw new IllegalArgumentException("similarityThreshold must be in (0, 1] but was " + threshold);
      }
      this.threshold = threshold;
      return this;
    }

    /** How long an answer is served after it was stored (default one hour). */
    public Builder timeToLive(Duration timeToLive) {
      Objects.requireNonNull(timeToLive, "timeToLive must not be null");
      if (timeToLive.isZero() || timeToLive.isNegative()) {
        throw new IllegalArgumentException("timeToLive must be positive but was " + timeToLive);
      }
      this.timeToLive = timeToLive;
      return this;
    }

    /** The most answers held; the least valuable leave first (default 100,000). */
    public Builder maximumSize(long maximumSize) {
      if (maximumSize < 1) {
        throw new IllegalArgumentException("maximumSize must be > 0 but was " + maximumSize);
      }
      this.maximumSize = maximumSize;
      return this;
    }

    /** The guards that may veto a semantic hit (default all of them). */
    public Builder guards(Set<Guard> guards) {
      Objects.requireNonNull(guards, "guards must not be null");
      this.guards = guards.isEmpty() ? EnumSet.noneOf(Guard.class) : EnumSet.copyOf(guards);
      return this;
    }

    /** The time source for expiry (default the system's); tests pass a clock they move. */
    public Builder clock(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock, "clock must not be null");
      return this;
    }

    /**
     * Where embedding and search run: a bounded platform pool, since both are CPU work (default
     * the calling thread).
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor must not be null");
      return this;
    }

    /** Where the cache's counters are registered (default a private registry). */
    public Builder meterRegistry(MeterRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "meterRegistry must not be null");
      return this;
    }

    /** The cache. */
    public SemanticCache build() {
      return new SemanticCache(this);
    }
  }
}
