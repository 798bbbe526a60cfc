package dev.swarm.a2a.client;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The JS SDK agent of {@code src/test/js/server.mjs}, run with node on a free loopback port. Tests
 * using it are skipped, with a message naming what is missing, when node or the SDK is absent.
 */
final class NodeA2aServer implements AutoCloseable {
  private static final Path SCRIPT_DIR = Path.of("src", "test", "js");

  private final Process process;
  private final int port;

  private NodeA2aServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts server.mjs with the given environment, or skips the test if it cannot run here. */
  static NodeA2aServer start(Map<String, String> env) throws IOException {
    assumeTrue(
        Files.isDirectory(SCRIPT_DIR.resolve("node_modules").resolve("@a2a-js").resolve("sdk")),
        "JS SDK not installed in " + SCRIPT_DIR.toAbsolutePath()
            + "/node_modules: run npm ci --prefix swarm-a2a/src/test/js to enable the interop tests");
    assumeTrue(nodeAvailable(), "node is not on the PATH: install Node.js 20+ to enable the interop tests");
    ProcessBuilder builder = new ProcessBuilder("node", "server.mjs")
        .directory(SCRIPT_DIR.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().putAll(env);
    Process process = builder.start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null || !line.startsWith("LISTENING ")) {
      process.destroyForcibly();
      throw new IllegalStateException("server.mjs did not start; its first line was: " + line);
    }
    return new NodeA2aServer(process, Integer.parseInt(line.substring("LISTENING ".length()).trim()));
  }

  private static boolean nodeAvailable() {
    try {
      Process probe = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      probe.getInputStream().readAllBytes();
      return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + port);
  }

  @Override
  public void close() throws Exception {
    process.getOutputStream().close(); // server.mjs exits when its stdin ends
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
