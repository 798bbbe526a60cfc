package dev.swarm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swarm.examples.cli.RouteCommandTest.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

class CacheCheckCommandTest {
  private static final String FRANCE = "What is the capital of France?";

  @Test
  void cacheCheck_pairs_answersEveryLineInOrderWithSimilarityAndHit() throws Exception {
    Run run = Run.of(pair("\"para\"", FRANCE, "Which city is the capital of France?")
        + pair("2", FRANCE, "Write a haiku about autumn leaves.")
        + pair("3", FRANCE, "  What is the capital of   France? "), "cache-check");

    assertThat(run.exit()).as(run.err()).isZero();
    List<JsonNode> lines = run.outLines();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0).fieldNames()).toIterable().containsExactly("id", "similarity", "hit");
    assertThat(lines.get(0).get("id").asText()).isEqualTo("para");
    assertThat(lines.get(0).get("hit").asBoolean()).isTrue();
    assertThat(lines.get(0).get("similarity").asDouble()).isGreaterThanOrEqualTo(0.88).isLessThan(1.0);
    assertThat(lines.get(1).get("id").asInt()).isEqualTo(2);
    assertThat(lines.get(1).get("hit").asBoolean()).isFalse();
    assertThat(lines.get(1).get("similarity").asDouble()).isLessThan(0.5);
    assertThat(lines.get(2).get("hit").asBoolean()).isTrue();
    assertThat(lines.get(2).get("similarity").asDouble()).isEqualTo(1.0);
  }

  @Test
  void cacheCheck_nearMissAGuardCatches_isNoHitAndExplainNamesTheGuard() throws Exception {
    String input = pair("1", "Is it legal to record a phone call?", "Is it illegal to record a phone call?");

    JsonNode plain = Run.of(input, "cache-check").outLines().get(0);
    JsonNode explained = Run.of(input, "cache-check", "--explain").outLines().get(0);

    assertThat(plain.get("hit").asBoolean()).isFalse();
    assertThat(plain.get("similarity").asDouble()).isGreaterThanOrEqualTo(0.88);
    assertThat(explained.get("vetoedBy").asText()).isEqualTo("negation");
    assertThat(explained.get("reason").asText()).contains("negation");
    assertThat(explained.get("similarity")).isEqualTo(plain.get("similarity"));
  }

  @Test
  void cacheCheck_missingField_keepsEarlierLinesNamesLineAndFieldExitsTwo() throws Exception {
    Run run = Run.of(pair("1", FRANCE, FRANCE) + "{\"id\":2,\"a\":\"" + FRANCE + "\"}\n" + pair("3", FRANCE, FRANCE),
        "cache-check");

    assertThat(run.exit()).isEqualTo(JsonLines.BAD_INPUT);
    assertThat(run.outLines()).hasSize(1);
    assertThat(run.err()).contains("line 2").contains("missing field 'b'");
  }

  @Test
  void cacheCheck_nonStringPromptOrMalformedLine_namesIt() {
    Run number = Run.of("{\"id\":1,\"a\":5,\"b\":\"x\"}\n", "cache-check");
    Run array = Run.of("[1,2]\n", "cache-check");

    assertThat(number.exit()).isEqualTo(JsonLines.BAD_INPUT);
    assertThat(number.err()).contains("line 1").contains("field 'a' must be a string");
    assertThat(array.exit()).isEqualTo(JsonLines.BAD_INPUT);
    assertThat(array.err()).contains("line 1").contains("expected a JSON object");
  }

  @Test
  void cacheCheck_help_describesInputAndOutputLines() {
    Run run = Run.of("", "cache-check", "--help");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("{\"id\":…,\"a\":…,\"b\":…}").contains("\"hit\"").contains("--explain");
  }

  private static String pair(String id, String a, String b) {
    return "{\"id\":" + id + ",\"a\":" + JsonLines.MAPPER.valueToTree(a) + ",\"b\":" + JsonLines.MAPPER.valueToTree(b) + "}\n";
  }
}
