package dev.swarm.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The guards on prompt text alone, without embeddings. */
class GuardTest {
  private static Optional<String> veto(Guard guard, String cached, String asked) {
    return guard.veto(PromptAnalyzer.analyze(cached), PromptAnalyzer.analyze(asked));
  }

  @Test
  void numbers_sameValueWrittenDifferently_passes() {
    assertThat(veto(Guard.NUMBERS, "Sum 1,000 and 2.50", "Sum 1000 and 2.5")).isEmpty();
    assertThat(veto(Guard.NUMBERS, "the 3rd law", "the third law")).isEmpty();
    assertThat(veto(Guard.NUMBERS, "twelve eggs", "a dozen eggs")).isEmpty();
    assertThat(veto(Guard.NUMBERS, "in 2023", "in 2024")).get().asString().contains("2023").contains("2024");
  }

  @Test
  void negation_contractionsAndPrefixes_count() {
    assertThat(veto(Guard.NEGATION, "Why does it work?", "Why doesn't it work?")).isPresent();
    assertThat(veto(Guard.NEGATION, "Why won't it start?", "Why will it not start?")).isEmpty();
    assertThat(veto(Guard.NEGATION, "Is the data valid?", "Is the data invalid?")).isPresent();
    assertThat(veto(Guard.NEGATION, "How do I install it?", "How do I install it quickly?")).isEmpty();
  }

  @Test
  void entities_caseAndPossessiveInsensitive_butNamesMustMatch() {
    assertThat(veto(Guard.ENTITIES, "What is France's capital?", "capital of france?")).isEmpty();
    assertThat(veto(Guard.ENTITIES, "Explain how WiFi works", "Explain how Wi-Fi works")).isEmpty();
    assertThat(veto(Guard.ENTITIES, "What is the GDP of Peru?", "What is the GDP of Chile?")).isPresent();
    assertThat(veto(Guard.ENTITIES, "Describe the NASA budget", "Describe the ESA budget")).isPresent();
    assertThat(veto(Guard.ENTITIES, "Paris weather today", "London weather today"))
        .as("an unknown capitalised opener counts as a name").isPresent();
  }

  @Test
  void format_languagesLengthsAndMarkup_mustMatch() {
    assertThat(veto(Guard.FORMAT, "Answer in JSON", "Answer as json")).isEmpty();
    assertThat(veto(Guard.FORMAT, "Answer in JSON", "Answer in XML")).isPresent();
    assertThat(veto(Guard.FORMAT, "Explain it briefly", "Explain it in detailed terms")).isPresent();
    assertThat(veto(Guard.FORMAT, "What is HTTP short for?", "What does HTTP stand for?")).isEmpty();
    assertThat(veto(Guard.FORMAT, "Sort it in C++", "Sort it in C#")).isPresent();
  }

  @Test
  void opposites_antonymsAndDirection_veto() {
    assertThat(veto(Guard.OPPOSITES, "How do I increase the volume?", "How do I decrease the volume?")).isPresent();
    assertThat(veto(Guard.OPPOSITES, "Convert Celsius to Fahrenheit", "Convert Fahrenheit to Celsius")).isPresent();
    assertThat(veto(Guard.OPPOSITES, "Convert a string to an int", "Turn a string into an int")).isEmpty();
  }
}
