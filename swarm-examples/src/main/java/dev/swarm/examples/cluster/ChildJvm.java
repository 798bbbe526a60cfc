package dev.swarm.examples.cluster;

import dev.swarm.api.SwarmException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code swarm} command in a child JVM: the same java binary and class path as this process,
 * stderr (and, unless read, stdout) into a log file, and {@code --exit-with-parent} so an orphan
 * never lingers.
 */
final class ChildJvm {
  private static final String MAIN = "dev.swarm.examples.cli.SwarmCommand";
  // Small, short-lived JVMs sharing a few cores: the C1 compiler and serial GC start fastest.
  private static final List<String> JVM_OPTIONS = List.of("--add-modules", "jdk.incubator.vector",
      "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx256m",
      "-Dorg.slf4j.simpleLogger.showDateTime=true", "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS");

  private final String name;
  private final Process process;
  private final Path log;

  private ChildJvm(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code swarm <args>}; with {@code readStdout} the caller reads its stdout, else it
   * goes to the log too.
   */
  static ChildJvm start(String name, List<String> args, Path logDir, boolean readStdout) {
    String java = ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(JVM_OPTIONS);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(MAIN);
    command.addAll(args);
    command.add("--exit-with-parent");
    Path log = logDir.resolve(name + ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
    if (!readStdout) {
      builder.redirectOutput(log.toFile());
    }
    try {
      return new ChildJvm(name, builder.start(), log);
    } catch (IOException e) {
      throw new SwarmException.Permanent("cannot start the " + name + " JVM (" + java + "): " + e.getMessage(), e);
    }
  }

  String name() {
    return name;
  }

  Path log() {
    return log;
  }

  BufferedReader stdout() {
    return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Kills the JVM at once (SIGKILL): no shutdown hooks, no goodbye to the orchestrator. */
  void kill() {
    process.destroyForcibly();
  }

  /** Asks the JVM to stop, then kills it if it has not within {@code graceMillis}; returns its exit code. */
  int stop(long graceMillis) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(graceMillis, TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      process.waitFor(graceMillis, TimeUnit.MILLISECONDS);
    }
    return process.isAlive() ? -1 : process.exitValue();
  }

  /** Waits up to {@code millis} for the JVM to exit by itself; its exit code, or -1 if still running. */
  int awaitExit(long millis) throws InterruptedException {
    return process.waitFor(millis, TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
  }
}
