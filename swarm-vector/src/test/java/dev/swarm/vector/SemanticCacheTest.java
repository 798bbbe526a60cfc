package dev.swarm.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.swarm.api.contract.ResponseCacheContract;
import dev.swarm.api.inference.CacheHit;
import dev.swarm.api.inference.CacheKey;
import dev.swarm.api.inference.ResponseCache;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SemanticCacheTest extends ResponseCacheContract {
  private static final String FRANCE = "What is the capital of France?";

  @Override
  protected ResponseCache createCache() {
    return SemanticCache.builder(TestModels.MINI_LM).build();
  }

  private static SemanticCache cache(Set<Guard> guards) {
    return SemanticCache.builder(TestModels.MINI_LM).guards(guards).build();
  }

  private static Optional<CacheHit> storeThenLookup(SemanticCache cache, String cached, String asked) {
    cache.store(new CacheKey("ns", "scope", cached), answer("cached answer"));
    return cache.lookup(new CacheKey("ns", "scope", asked));
  }

  @Test
  void lookup_paraphrase_hitsSemanticallyWithSimilarity() {
    SemanticCache cache = cache(EnumSet.allOf(Guard.class));

    Optional<CacheHit> hit = storeThenLookup(cache, FRANCE, "Which city is the capital of France?");

    assertThat(hit).isPresent();
    assertThat(hit.get().exact()).isFalse();
    assertThat(hit.get().similarity()).isBetween(SemanticCache.DEFAULT_THRESHOLD, 1.0);
    assertThat(cache.stats().semanticHits()).isEqualTo(1);
  }

  @Test
  void lookup_whitespaceOnlyDifference_hitsExactTier() {
    SemanticCache cache = cache(EnumSet.allOf(Guard.class));
    assertThat(storeThenLookup(cache, FRANCE, "  What is the   capital of France? "))
        .hasValueSatisfying(hit -> assertThat(hit.exact()).isTrue());
    assertThat(cache.stats().exactHits()).isEqualTo(1);
  }

  @Test
  void negationGuard_negatedPrompt_missesButHitsWithoutTheGuard() {
    String cached = "Is it safe to eat raw eggs?";
    String asked = "Is it not safe to eat raw eggs?";
    assertThat(storeThenLookup(cache(EnumSet.complementOf(EnumSet.of(Guard.NEGATION))), cached, asked)).isPresent();

    SemanticCache guarded = cache(EnumSet.allOf(Guard.class));
    assertThat(storeThenLookup(guarded, cached, asked)).isEmpty();
    assertThat(guarded.stats().vetoed()).isEqualTo(1);
    assertThat(guarded.compare(cached, asked).vetoedBy()).isEqualTo(Guard.NEGATION);
    assertThat(guarded.compare("Is it legal to record a phone call?", "Is it illegal to record a phone call?")
        .vetoedBy()).isEqualTo(Guard.NEGATION);
  }

  @Test
  void numbersGuard_differentNumbers_missesButHitsWithoutTheGuard() {
    String cached = "Give me 5 tips for writing clean code.";
    String asked = "Give me 10 tips for writing clean code.";
    assertThat(storeThenLookup(cache(EnumSet.complementOf(EnumSet.of(Guard.NUMBERS))), cached, asked)).isPresent();
    assertThat(storeThenLookup(cache(EnumSet.allOf(Guard.class)), cached, asked)).isEmpty();
    SemanticCache guarded = cache(EnumSet.allOf(Guard.class));
    assertThat(guarded.compare(cached, "Give me five tips for writing clean code.").hit())
        .as("the same number as digits and as a word").isTrue();
  }

  @Test
  void entitiesGuard_differentEntity_missesButHitsWithoutTheGuard() {
    // MiniLM already keeps most entity swaps below the default threshold; at a looser one they get through.
    String cached = "What is the weather like in Paris in May?";
    String asked = "What is the weather like in London in May?";
    var loose = SemanticCache.builder(TestModels.MINI_LM).similarityThreshold(0.8);
    assertThat(storeThenLookup(loose.guards(EnumSet.complementOf(EnumSet.of(Guard.ENTITIES))).build(), cached, asked))
        .isPresent();
    SemanticCache guarded = loose.guards(EnumSet.allOf(Guard.class)).build();
    assertThat(storeThenLookup(guarded, cached, asked)).isEmpty();
    assertThat(guarded.compare(cached, asked).reason()).contains("entity");
  }

  @Test
  void formatGuard_differentFormat_missesButHitsWithoutTheGuard() {
    String cached = "Summarize the report as a numbered list.";
    String asked = "Summarize the report as a bulleted list.";
    assertThat(storeThenLookup(cache(EnumSet.complementOf(EnumSet.of(Guard.FORMAT))), cached, asked)).isPresent();
    SemanticCache guarded = cache(EnumSet.allOf(Guard.class));
    assertThat(storeThenLookup(guarded, cached, asked)).isEmpty();
    assertThat(guarded.compare("Write a brief summary of the meeting.", "Write a detailed summary of the meeting.")
        .vetoedBy()).isEqualTo(Guard.FORMAT);
  }

  @Test
  void oppositesGuard_antonymOrSwappedDirection_missesButHitsWithoutTheGuard() {
    String cached = "How do I convert a string to an integer in Java?";
    String asked = "How do I convert an integer to a string in Java?";
    assertThat(storeThenLookup(cache(EnumSet.complementOf(EnumSet.of(Guard.OPPOSITES))), cached, asked)).isPresent();
    SemanticCache guarded = cache(EnumSet.allOf(Guard.class));
    assertThat(storeThenLookup(guarded, cached, asked)).isEmpty();
    assertThat(guarded.compare("How do I make my coffee stronger?", "How do I make my coffee weaker?").vetoedBy())
        .isEqualTo(Guard.OPPOSITES);
  }

  @Test
  void compare_paraphraseAndUnrelated_reportsSimilarityHitAndReason() {
    SemanticCache cache = SemanticCache.builder(TestModels.MINI_LM).build();

    CacheDecision same = cache.compare(FRANCE, "Which city is the capital of France?");
    CacheDecision unrelated = cache.compare(FRANCE, "Write a haiku about autumn leaves.");

    assertThat(same.hit()).isTrue();
    assertThat(same.similarity()).isGreaterThanOrEqualTo(SemanticCache.DEFAULT_THRESHOLD);
    assertThat(unrelated.hit()).isFalse();
    assertThat(unrelated.reason()).contains("below the threshold");
    assertThat(cache.compare(FRANCE, FRANCE)).isEqualTo(new CacheDecision(1.0, true, "exact match", null));
  }

  @Test
  void lookup_afterTimeToLive_missesInBothTiersAndCountsExpiry() {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    InstantSource clock = now::get;
    SemanticCache cache = SemanticCache.builder(TestModels.MINI_LM)
        .timeToLive(Duration.ofMinutes(10)).clock(clock).build();
    cache.store(new CacheKey("ns", "scope", FRANCE), answer("Paris"));
    assertThat(cache.lookup(new CacheKey("ns", "scope", "Which city is the capital of France?"))).isPresent();

    now.set(now.get().plus(Duration.ofMinutes(11)));

    assertThat(cache.lookup(new CacheKey("ns", "scope", FRANCE))).isEmpty();
    assertThat(cache.lookup(new CacheKey("ns", "scope", "Which city is the capital of France?"))).isEmpty();
    assertThat(cache.stats().expired()).isEqualTo(1);
    assertThat(cache.stats().size()).isZero();
  }

  @Test
  void store_beyondMaximumSize_evictsFromBothTiers() {
    SemanticCache cache = SemanticCache.builder(TestModels.MINI_LM).maximumSize(2).build();
    List<String> prompts = List.of("How do I bake bread?", "What is the speed of sound?",
        "Who painted the Mona Lisa?", "How do vaccines work?");
    for (String p : prompts) {
      cache.store(new CacheKey("ns", "scope", p), answer(p));
    }
    SemanticCacheStats stats = cache.stats();
    assertThat(stats.size()).isEqualTo(2);
    assertThat(stats.evicted()).isEqualTo(2);
    long served = prompts.stream().filter(p -> cache.lookup(new CacheKey("ns", "scope", p)).isPresent()).count();
    assertThat(served).isEqualTo(2);
  }

  @Test
  void invalidate_countsAndPublishesMetrics() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    SemanticCache cache = SemanticCache.builder(TestModels.MINI_LM).meterRegistry(registry).build();
    cache.store(new CacheKey("a", "scope", FRANCE), answer("Paris"));
    cache.lookup(new CacheKey("a", "scope", FRANCE));
    cache.lookup(new CacheKey("a", "scope", "Write a haiku about autumn leaves."));

    cache.invalidate("a");

    assertThat(cache.lookup(new CacheKey("a", "scope", "Which city is the capital of France?"))).isEmpty();
    assertThat(cache.stats().invalidated()).isEqualTo(1);
    assertThat(registry.get("swarm.cache.lookups").tag("outcome", "exact_hit").counter().count()).isEqualTo(1);
    assertThat(registry.get("swarm.cache.lookups").tag("outcome", "miss").counter().count()).isEqualTo(2);
    assertThat(registry.get("swarm.cache.removals").tag("cause", "explicit").counter().count()).isEqualTo(1);
    assertThat(registry.get("swarm.cache.size").gauge().value()).isZero();
  }

  @Test
  void lookup_embeddingModelFails_degradesToExactTier() {
    EmbeddingModel broken = new EmbeddingModel() {
      @Override
      public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        throw new IllegalStateException("model server down");
      }

      @Override
      public int dimension() {
        return 384;
      }
    };
    SemanticCache cache = SemanticCache.builder(broken).build();
    cache.store(new CacheKey("ns", "scope", FRANCE), answer("Paris"));

    assertThat(cache.lookup(new CacheKey("ns", "scope", FRANCE))).isEmpty();
    assertThat(cache.lookup(new CacheKey("ns", "scope", "Which city is France's capital?"))).isEmpty();
    assertThat(cache.stats().misses()).isEqualTo(2);
  }

  @Test
  void builder_badSettings_areRejectedNamingTheSetting() {
    var builder = SemanticCache.builder(TestModels.MINI_LM);
    assertThatThrownBy(() -> builder.similarityThreshold(1.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("similarityThreshold").hasMessageContaining("1.5");
    assertThatThrownBy(() -> builder.timeToLive(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeToLive");
    assertThatThrownBy(() -> builder.maximumSize(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maximumSize").hasMessageContaining("0");
  }

  /** A model that embeds every text alike, so only the guards tell prompts apart. */
  private static final EmbeddingModel SAME_VECTOR = new EmbeddingModel() {
    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
      float[] v = new float[384];
      v[0] = 1;
      return Response.from(segments.stream().map(s -> Embedding.from(v.clone())).toList());
    }

    @Override
    public int dimension() {
      return 384;
    }
  };

  @Test
  void normalize_randomWhitespace_matchesStripAndCollapseAndKeepsCleanPromptsAsTheyAre() {
    Pattern whitespace = Pattern.compile("\\s+");
    char[] alphabet = {'a', 'b', '?', ' ', ' ', '\t', '\n', '\r', '\f', 0x0B, '\u00A0', '\u2003', '\u001C', '\u3000'};
    Random random = new Random(31);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder prompt = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        prompt.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String text = prompt.toString();
      assertThat(SemanticCache.normalize(text)).as("normalising %s", text.chars().boxed().toList())
          .isEqualTo(whitespace.matcher(text.strip()).replaceAll(" "));
    }
    assertThat(SemanticCache.normalize(FRANCE)).isSameAs(FRANCE);
  }

  @Test
  void lookup_nearHitTwoGuardsRefuse_countsTheFirstGuardInDeclarationOrder() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    SemanticCache cache = SemanticCache.builder(SAME_VECTOR).meterRegistry(registry).build();

    assertThat(storeThenLookup(cache, "Give me 3 tips for sleeping better as JSON",
        "Give me 5 tips for sleeping better as a table")).isEmpty();

    assertThat(cache.stats().vetoed()).isEqualTo(1);
    assertThat(registry.get("swarm.cache.vetoes").tag("guard", "numbers").counter().count()).isEqualTo(1);
    assertThat(registry.get("swarm.cache.vetoes").tag("guard", "format").counter().count()).isZero();
    assertThat(cache.compare("Give me 3 tips for sleeping better as JSON", "Give me 5 tips for sleeping better as a table")
        .vetoedBy()).isEqualTo(Guard.NUMBERS);
  }

  @Test
  void lookup_withExecutor_embedsAndSearchesThereAndHits() {
    AtomicInteger offloaded = new AtomicInteger();
    SemanticCache cache = SemanticCache.builder(TestModels.MINI_LM)
        .executor(work -> {
          offloaded.incrementAndGet();
          work.run();
        })
        .build();

    assertThat(storeThenLookup(cache, FRANCE, "Which city is the capital of France?")).isPresent();
    assertThat(offloaded).as("one store, one semantic lookup").hasValue(2);
  }
}
