package dev.swarm.vector;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A check that vetoes a semantic cache hit embeddings are known to get wrong: two prompts can sit
 * close in embedding space and still ask different things.
 */
public enum Guard {
  /**
   * One prompt negates what the other asserts: "is X safe" against "is X not safe", or against
   * "is X unsafe" (a negating prefix on a word the other prompt has bare).
   */
  NEGATION {
    private static final List<String> PREFIXES = List.of("un", "in", "im", "il", "ir", "dis", "non");

    @Override
    Optional<String> veto(PromptFeatures cached, PromptFeatures asked) {
      if (cached.negations() != asked.negations()) {
        return Optional.of(
            "negation differs (" + cached.negations() + " vs " + asked.negations() + " negating words)");
      }
      return negatedWord(cached, asked).or(() -> negatedWord(asked, cached))
          .map(pair -> "negation differs ('" + pair + "')");
    }

    private Optional<String> negatedWord(PromptFeatures one, PromptFeatures other) {
      for (String word : one.words()) {
        if (other.words().contains(word)) {
          continue;
        }
        for (String prefix : PREFIXES) {
          String rest = word.substring(Math.min(prefix.length(), word.length()));
          if (word.startsWith(prefix) && rest.length() >= 4 && other.words().contains(rest)
              && !one.words().contains(rest)) {
            return Optional.of(word + "' vs '" + rest);
          }
        }
      }
      return Optional.empty();
    }
  },
  /** The prompts name different numbers, dates or quantities. */
  NUMBERS {
    @Override
    Optional<String> veto(PromptFeatures cached, PromptFeatures asked) {
      return cached.numbers().equals(asked.numbers())
          ? Optional.empty()
          : Optional.of("numbers differ " + cached.numbers() + " vs " + asked.numbers());
    }
  },
  /** A name, product or acronym appears in one prompt and not the other. */
  ENTITIES {
    @Override
    Optional<String> veto(PromptFeatures cached, PromptFeatures asked) {
      Optional<String> missing = firstMissing(cached.entities(), asked.words());
      if (missing.isEmpty()) {
        missing = firstMissing(asked.entities(), cached.words());
      }
      return missing.map(name -> "entity '" + name + "' is in only one prompt");
    }

    private Optional<String> firstMissing(Set<String> entities, Set<String> words) {
      return entities.stream().filter(e -> !words.contains(e)).sorted().findFirst();
    }
  },
  /**
   * The prompts ask for opposite things: antonyms such as increase and decrease, first and last,
   * or a conversion in the other direction ("PDF to Word" against "Word to PDF").
   */
  OPPOSITES {
    @Override
    Optional<String> veto(PromptFeatures cached, PromptFeatures asked) {
      for (List<String> pair : Opposites.PAIRS) {
        String a = pair.get(0);
        String b = pair.get(1);
        if (onlyIn(cached, asked, a) && onlyIn(asked, cached, b) || onlyIn(cached, asked, b) && onlyIn(asked, cached, a)) {
          return Optional.of("the prompts ask for opposites ('" + a + "' vs '" + b + "')");
        }
      }
      for (String target : cached.targets()) {
        if (!asked.targets().contains(target) && asked.words().contains(target)
            && asked.targets().stream().anyMatch(cached.words()::contains)) {
          return Optional.of("the prompts go in opposite directions (to '" + target + "' vs to "
              + asked.targets() + ")");
        }
      }
      return Optional.empty();
    }

    private boolean onlyIn(PromptFeatures one, PromptFeatures other, String word) {
      return one.words().contains(word) && !other.words().contains(word);
    }
  },
  /** The prompts ask for different output formats, languages or lengths. */
  FORMAT {
    @Override
    Optional<String> veto(PromptFeatures cached, PromptFeatures asked) {
      return cached.formats().equals(asked.formats())
          ? Optional.empty()
          : Optional.of("requested format differs " + cached.formats() + " vs " + asked.formats());
    }
  };

  /** Why the answer cached for {@code cached} must not answer {@code asked}, if it must not. */
  abstract Optional<String> veto(PromptFeatures cached, PromptFeatures asked);
}
