package dev.swarm.bench.a2a;

import dev.swarm.a2a.client.RemoteAgent;
import dev.swarm.a2a.server.A2aServer;
import dev.swarm.api.Task;
import dev.swarm.api.TaskResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * A2A {@code SendMessage} round trips on loopback with an agent that answers at once: latency
 * (p50, p99) on one keep-alive connection, throughput over 64 concurrent keep-alive connections,
 * and throughput of the WebSocket binding. The HTTP measurements run against swarm's server and,
 * in the same run with the same client, against the official A2A JS SDK server on node; one more
 * measures a whole task through swarm's {@code RemoteAgent} client against each.
 *
 * <p>Run all of it and get the swarm / JS ratios with {@code java -cp benchmarks/target/benchmarks.jar
 * dev.swarm.bench.a2a.A2aRoundTripBenchmark} from the repository root (node and {@code npm ci
 * --prefix swarm-a2a/src/test/js} needed for the JS side; {@code -Dswarm.bench.jsDir} points
 * elsewhere).
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class A2aRoundTripBenchmark {

  /** Both servers, started once per trial. */
  @State(Scope.Benchmark)
  public static class Servers {
    A2aServer swarm;
    NodeA2aServer js;
    HttpClient webSocketHttp;

    @Setup(Level.Trial)
    public void start() throws Exception {
      swarm = A2aServer.builder().agent(new InstantAgent()).port(0).maxTasks(50_000).build();
      swarm.start();
      js = NodeA2aServer.start(Path.of(System.getProperty("swarm.bench.jsDir", "swarm-a2a/src/test/js")));
      webSocketHttp = HttpClient.newHttpClient();
    }

    @TearDown(Level.Trial)
    public void stop() {
      swarm.close();
      js.close();
      webSocketHttp.close();
    }
  }

  /** One connection per benchmark thread, to the server under test. */
  @State(Scope.Thread)
  public static class Connection {
    @Param({"swarm", "js"})
    public String server;

    LoopbackHttpClient http;
    private final String prefix = UUID.randomUUID().toString();
    private long sequence;

    @Setup(Level.Trial)
    public void connect(Servers servers) throws Exception {
      http = new LoopbackHttpClient(server.equals("swarm") ? servers.swarm.port() : servers.js.port());
      String answer = http.post(nextSend());
      if (!answer.contains("TASK_STATE_COMPLETED")) {
        throw new IllegalStateException("the " + server + " server did not complete a SendMessage: " + answer);
      }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
      http.close();
    }

    /** A SendMessage with a fresh message id: idempotency must not turn it into a lookup. */
    String nextSend() {
      return request(prefix + '-' + sequence++);
    }
  }

  /** One WebSocket peer link per benchmark thread, to swarm's server. */
  @State(Scope.Thread)
  public static class PeerLink {
    LoopbackWebSocketClient socket;
    private final String prefix = UUID.randomUUID().toString();
    private long sequence;

    @Setup(Level.Trial)
    public void connect(Servers servers) throws Exception {
      socket = new LoopbackWebSocketClient(servers.webSocketHttp, URI.create("ws://127.0.0.1:" + servers.swarm.port() + "/a2a/ws"));
    }

    @TearDown(Level.Trial)
    public void close() {
      socket.close();
    }

    String nextSend() {
      return request(prefix + '-' + sequence++);
    }
  }

  /**
   * swarm's own A2A client, {@code RemoteAgent}, to the server under test: the whole SDK path an
   * orchestrator takes (card, SSE or WebSocket stream, result mapping), not just the server.
   */
  @State(Scope.Benchmark)
  public static class RemoteAgents {
    @Param({"swarm", "swarm-websocket", "js"})
    public String server;

    RemoteAgent agent;

    @Setup(Level.Trial)
    public void connect(Servers servers) {
      int port = server.equals("js") ? servers.js.port() : servers.swarm.port();
      agent = RemoteAgent.builder()
          .baseUrl(URI.create("http://127.0.0.1:" + port))
          .preferWebSocket(server.equals("swarm-websocket"))
          .maxLoad(1_000)
          .build();
    }

    @TearDown(Level.Trial)
    public void close() {
      agent.close();
    }
  }

  static String request(String messageId) {
    return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"SendMessage\",\"params\":{\"message\":{\"messageId\":\"" + messageId
        + "\",\"role\":\"ROLE_USER\",\"parts\":[{\"text\":\"hello\"}]}}}";
  }

  /** Latency of one blocking SendMessage on a warm keep-alive connection. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Threads(1)
  public String roundTripLatency(Connection connection) throws Exception {
    return connection.http.post(connection.nextSend());
  }

  /** SendMessage calls per second over 64 concurrent keep-alive connections. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(64)
  public String throughput64Connections(Connection connection) throws Exception {
    return connection.http.post(connection.nextSend());
  }

  /** SendMessage calls per second over 64 concurrent WebSocket peer links (swarm only: the JS SDK has no such binding). */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(64)
  public String webSocketThroughput64Links(PeerLink link) throws Exception {
    return link.socket.call(link.nextSend());
  }

  /** Latency of one task through swarm's RemoteAgent, over HTTP+SSE or the WebSocket binding. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Threads(1)
  public TaskResult remoteAgentLatency(RemoteAgents agents) throws Exception {
    TaskResult result = agents.agent.submit(Task.of("hello")).result().get(30, TimeUnit.SECONDS);
    if (!result.isCompleted()) {
      throw new IllegalStateException("the remote task did not complete: " + result);
    }
    return result;
  }

  /** Runs every measurement above and prints each swarm / JS ratio. */
  public static void main(String[] args) throws RunnerException {
    Collection<RunResult> results = new Runner(new OptionsBuilder().include(A2aRoundTripBenchmark.class.getName() + "\\.").build()).run();
    Map<String, Map<String, RunResult>> byBenchmark = new LinkedHashMap<>();
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark();
      String server = result.getParams().getParam("server");
      byBenchmark.computeIfAbsent(name.substring(name.lastIndexOf('.') + 1), k -> new LinkedHashMap<>())
          .put(server == null ? "swarm" : server, result);
    }
    System.out.println();
    System.out.println("swarm vs A2A JS SDK server (same client, same run):");
    byBenchmark.forEach((name, servers) -> {
      RunResult swarm = servers.get("swarm");
      RunResult js = servers.get("js");
      if (name.endsWith("Latency") && swarm != null && js != null) {
        for (double percentile : new double[] {50, 99}) {
          double ours = swarm.getPrimaryResult().getStatistics().getPercentile(percentile);
          double theirs = js.getPrimaryResult().getStatistics().getPercentile(percentile);
          System.out.printf("  %s p%.0f: swarm %.1f us, js %.1f us, js/swarm %.1fx%n", name, percentile, ours, theirs, theirs / ours);
        }
      } else if (swarm != null && js != null) {
        double ours = swarm.getPrimaryResult().getScore();
        double theirs = js.getPrimaryResult().getScore();
        System.out.printf("  %s: swarm %.0f ops/s, js %.0f ops/s, swarm/js %.1fx%n", name, ours, theirs, ours / theirs);
      } else if (swarm != null) {
        System.out.printf("  %s: swarm %.0f %s%n", name, swarm.getPrimaryResult().getScore(), swarm.getPrimaryResult().getScoreUnit());
      }
    });
  }
}
