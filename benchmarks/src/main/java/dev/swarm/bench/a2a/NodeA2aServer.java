package dev.swarm.bench.a2a;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The official A2A JS SDK server ({@code swarm-a2a/src/test/js/server.mjs} on node), the peer the
 * benchmark compares against. Its echo agent also answers at once.
 */
final class NodeA2aServer implements AutoCloseable {
  private final Process process;
  private final int port;

  private NodeA2aServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts node on {@code server.mjs} in {@code jsDir} and waits for its LISTENING line.
   *
   * @throws IllegalStateException naming what is missing when node or the SDK is not installed
   */
  static NodeA2aServer start(Path jsDir) throws IOException {
    if (!Files.isDirectory(jsDir.resolve("node_modules/@a2a-js/sdk"))) {
      throw new IllegalStateException(jsDir.toAbsolutePath() + "/node_modules/@a2a-js/sdk is missing; run npm ci --prefix "
          + jsDir + " (or set -Dswarm.bench.jsDir to where it is installed)");
    }
    Process process;
    try {
      process = new ProcessBuilder("node", "server.mjs").directory(jsDir.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start node; install Node.js 20+ to compare against the JS SDK server", e);
    }
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("LISTENING ")) {
        Thread drain = new Thread(() -> out.lines().forEach(l -> {}), "node-a2a-output");
        drain.setDaemon(true);
        drain.start();
        return new NodeA2aServer(process, Integer.parseInt(line.substring("LISTENING ".length()).trim()));
      }
    }
    throw new IllegalStateException("node server.mjs exited without printing LISTENING; exit code " + process.exitValue());
  }

  int port() {
    return port;
  }

  @Override
  public void close() {
    process.destroy();
  }
}
