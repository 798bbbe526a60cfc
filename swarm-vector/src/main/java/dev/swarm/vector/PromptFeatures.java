package dev.swarm.vector;

import java.util.Set;

/**
 * What the guards compare between two prompts, extracted once per prompt.
 *
 * @param words every word, lower-cased, possessives stripped
 * @param negations how many negating words the prompt holds
 * @param numbers the numbers it names, normalised ("five", "5" and "5.0" are one)
 * @param entities lower-cased names: capitalised words past a sentence start, acronyms, camel case
 * @param formats the output formats, languages and lengths it asks for
 * @param targets the words right after "to" or "into" (articles skipped): where a conversion or move goes
 */
record PromptFeatures(
    Set<String> words,
    int negations,
    Set<String> numbers,
    Set<String> entities,
    Set<String> formats,
    Set<String> targets) {
  PromptFeatures {
    words = Set.copyOf(words);
    numbers = Set.copyOf(numbers);
    entities = Set.copyOf(entities);
    formats = Set.copyOf(formats);
    targets = Set.copyOf(targets);
  }
}
