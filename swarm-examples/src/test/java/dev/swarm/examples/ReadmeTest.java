package dev.swarm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarm.examples.cli.SwarmCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keeps the README true: its code is the compiled examples, its links resolve, its commands exist. */
class ReadmeTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path QUICKSTART = ROOT.resolve("swarm-examples/src/main/java/dev/swarm/examples/quickstart");

  private static String readme() throws IOException {
    return Files.readString(ROOT.resolve("README.md"));
  }

  private static String section(String text, String heading) {
    int start = text.indexOf("\n## " + heading + "\n");
    assertThat(start).as("README section '%s'", heading).isNotNegative();
    int end = text.indexOf("\n## ", start + 4);
    return end < 0 ? text.substring(start) : text.substring(start, end);
  }

  private static List<String> codeBlocks(String text, String language) {
    List<String> blocks = new ArrayList<>();
    Matcher m = Pattern.compile("```" + language + "\\n(.*?)\\n```", Pattern.DOTALL).matcher(text);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  /** The lines between "// README:begin" and "// README:end" in a source file, de-indented. */
  private static String region(Path source) throws IOException {
    String text = Files.readString(source);
    String body = text.substring(text.indexOf("// README:begin\n") + 16, text.indexOf("// README:end"));
    List<String> lines = body.stripTrailing().lines().toList();
    int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    return String.join("\n", lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList());
  }

  @Test
  void embedIt_javaBlocksAreTheCompiledExamples() throws IOException {
    List<String> blocks = codeBlocks(section(readme(), "Embed it"), "java");

    assertThat(blocks).containsExactly(region(QUICKSTART.resolve("SummaryWorker.java")),
        region(QUICKSTART.resolve("WiredSwarm.java")));
  }

  @Test
  void links_pointAtFilesThatExist() throws IOException {
    Matcher m = Pattern.compile("\\]\\(([^)#]+)\\)").matcher(readme());
    int links = 0;
    while (m.find()) {
      if (!m.group(1).startsWith("http")) {
        links++;
        assertThat(ROOT.resolve(m.group(1))).as("README link %s", m.group(1)).exists();
      }
    }
    assertThat(links).isGreaterThanOrEqualTo(4);
  }

  @Test
  void quickStart_isTwoCommandsAndCiRunsTheTestOne() throws IOException {
    List<String> commands = codeBlocks(section(readme(), "Quick start"), "").getFirst().lines().toList();

    assertThat(commands).containsExactly("./mvnw -q -Pdemo package", "./mvnw verify");
    assertThat(Files.readAllLines(ROOT.resolve(".ci/run"))).contains(commands.get(1));
  }

  @Test
  void everySwarmCommandTheReadmeNames_exists() throws IOException {
    Matcher m = Pattern.compile("swarm\\.jar ([a-z][a-z0-9-]*)").matcher(readme());
    var subcommands = SwarmCommand.commandLine().getSubcommands().keySet();
    int named = 0;
    while (m.find()) {
      named++;
      assertThat(subcommands).as("README names 'swarm.jar %s'", m.group(1)).contains(m.group(1));
    }
    assertThat(named).isPositive();
  }
}
