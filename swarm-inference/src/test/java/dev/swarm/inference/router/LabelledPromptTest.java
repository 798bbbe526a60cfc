package dev.swarm.inference.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarm.api.inference.ModelTier;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class LabelledPromptTest {
  @Test
  void readJsonLines_extraFieldsAndBlankLines_ignored() {
    var prompts = LabelledPrompt.readJsonLines(new StringReader(
        "{\"prompt\":\"What is 2+2?\",\"label\":\"small\",\"family\":\"math\"}\n\n"
            + "{\"prompt\":\"Prove Fermat's little theorem.\",\"label\":\"LARGE\"}\n"));
    assertThat(prompts).containsExactly(
        LabelledPrompt.of("What is 2+2?", ModelTier.SMALL),
        LabelledPrompt.of("Prove Fermat's little theorem.", ModelTier.LARGE));
  }

  @Test
  void readJsonLines_badLabel_namesLineAndValue() {
    assertThatThrownBy(() -> LabelledPrompt.readJsonLines(new StringReader(
            "{\"prompt\":\"a\",\"label\":\"SMALL\"}\n{\"prompt\":\"b\",\"label\":\"MEDIUM\"}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("MEDIUM");
  }

  @Test
  void readJsonLines_notJson_namesLine() {
    assertThatThrownBy(() -> LabelledPrompt.readJsonLines(new StringReader("prompt=a label=SMALL")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 1 is not valid JSON");
  }

  @Test
  void readJsonLines_missingPrompt_namesField() {
    assertThatThrownBy(() -> LabelledPrompt.readJsonLines(new StringReader("{\"label\":\"SMALL\"}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'prompt'");
  }
}
