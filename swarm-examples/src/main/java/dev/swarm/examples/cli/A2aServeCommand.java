package dev.swarm.examples.cli;

import dev.swarm.a2a.server.A2aServer;
import dev.swarm.api.SwarmConfig;
import dev.swarm.core.AgentContext;
import dev.swarm.core.AgentOptions;
import dev.swarm.core.ExecutorPool;
import dev.swarm.examples.models.ModelTiers;
import dev.swarm.inference.HybridInferenceEngine;
import dev.swarm.inference.router.TaskMaster;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code swarm a2a-serve}: serves the demo agent over A2A 1.0 until standard input closes or the
 * process is stopped.
 */
@Command(
    name = "a2a-serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the swarm demo agent over A2A 1.0: JSON-RPC with SSE streaming,",
      "and the WebSocket binding. Its skills: echo (no model), summarise and",
      "answer (the hybrid engine routes each between the small and the large",
      "model: offline demo models unless the environment configures real ones).",
      "Prints exactly `LISTENING <port>` on stdout once it accepts connections,",
      "then serves until stdin closes or the process is stopped, and lets",
      "in-flight calls finish before it exits. To keep it running detached,",
      "hold stdin open: `sleep infinity | swarm a2a-serve`.",
      ""
    })
final class A2aServeCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(names = "--host", paramLabel = "H",
      description = "The address to bind (default: A2A_HOST, else 127.0.0.1).")
  private @Nullable String host;

  @Option(names = "--port", paramLabel = "P",
      description = "The port to bind; 0 picks a free one (default: A2A_PORT, else 8000).")
  private @Nullable Integer port;

  @Option(names = "--token", paramLabel = "T",
      description = "Require `Authorization: Bearer T` on every call (the agent card stays public).")
  private @Nullable String token;

  @Option(names = "--time-scale", paramLabel = "X", defaultValue = "1",
      description = "Multiplies the offline demo models' latency (small 50-100 ms, large 0.5-2 s); 0 answers at "
          + "once (default: ${DEFAULT-VALUE}).")
  private double timeScale;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    SwarmConfig config;
    try {
      config = SwarmConfig.fromEnv();
      validateOptions();
    } catch (IllegalArgumentException e) {
      err.println("a2a-serve: " + e.getMessage());
      err.flush();
      return JsonLines.BAD_INPUT;
    }
    String bindHost = host != null ? host : config.a2aHost();
    int bindPort = port != null ? port : config.a2aPort();
    ExecutorPool pool = ExecutorPool.from(config);
    A2aServeAgent agent = startAgent(config, pool);
    Runnable stopAgent = () -> {
      agent.stop();
      pool.close();
    };
    A2aServer server;
    try {
      A2aServer.Builder builder = A2aServer.builder().agent(agent).host(bindHost).port(bindPort);
      if (token != null) {
        builder.bearerToken(token);
      } else if (!isLoopback(bindHost)) {
        // Looked up here, not held in a static field: picocli builds every subcommand up front, and an
        // early logger would fix the log configuration before `demo` quiets the degraded-path warnings.
        LoggerFactory.getLogger(A2aServeCommand.class).warn("Serving on {} without authentication: anyone who can reach it can use the agent; "
            + "pass --token to require a bearer token", bindHost);
      }
      server = builder.build();
    } catch (RuntimeException e) {
      stopAgent.run();
      throw e;
    }
    return serve(server, bindHost + ":" + bindPort, () -> {
      server.close();
      stopAgent.run();
    }, spec.commandLine().getOut(), err);
  }

  /** Checks the options; SwarmConfig has already checked A2A_HOST and A2A_PORT. */
  private void validateOptions() {
    if (port != null && (port < 0 || port > 65_535)) {
      throw new IllegalArgumentException("--port must be in [0, 65535] but was " + port);
    }
    if (host != null && host.isBlank()) {
      throw new IllegalArgumentException("--host must not be blank");
    }
    if (token != null && token.isBlank()) {
      throw new IllegalArgumentException("--token must not be blank");
    }
    if (!(timeScale >= 0 && timeScale <= 100)) {
      throw new IllegalArgumentException("--time-scale must be in [0, 100] but was " + timeScale);
    }
  }

  private int serve(A2aServer server, String address, Runnable stop, PrintWriter out, PrintWriter err) throws IOException {
    // Stop gracefully on SIGTERM or Ctrl-C too, not only when stdin closes.
    Thread onExit = new Thread(stop, "a2a-serve-shutdown");
    try {
      OptionalInt bound = start(server, address, err);
      if (bound.isEmpty()) {
        return 1;
      }
      Runtime.getRuntime().addShutdownHook(onExit);
      out.println("LISTENING " + bound.getAsInt());
      out.flush();
      drain(System.in);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(onExit);
      } catch (IllegalStateException shuttingDown) {
        // The hook is already stopping the server; stop() below waits for nothing more.
      }
      stop.run();
    }
    return 0;
  }

  /** Binds the server; on failure says why on stderr and returns empty. */
  private static OptionalInt start(A2aServer server, String address, PrintWriter err) {
    try {
      return OptionalInt.of(server.start());
    } catch (Exception e) {
      // Netty rethrows a failed bind's checked BindException without declaring it, so catch it all.
      err.println("a2a-serve: cannot bind " + address + ": " + rootMessage(e));
      err.flush();
      return OptionalInt.empty();
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  private A2aServeAgent startAgent(SwarmConfig config, ExecutorPool pool) {
    ModelTiers tiers = ModelTiers.from(config, timeScale, 0);
    HybridInferenceEngine engine = HybridInferenceEngine.builder()
        .small(tiers.small())
        .large(tiers.large())
        .classifier(TaskMaster.withDefaultModel(config))
        .config(config)
        .build();
    A2aServeAgent agent = new A2aServeAgent("A swarm demo agent on " + tiers.describe() + ".",
        AgentOptions.defaults().withTimeout(config.workerTimeout()));
    agent.start(AgentContext.builder().inferenceEngine(engine).pool(pool).build());
    return agent;
  }

  /** Reads {@code in} to its end; the caller's signal to stop serving is closing it. */
  private static void drain(InputStream in) throws IOException {
    byte[] buffer = new byte[1024];
    while (in.read(buffer) != -1) {
      // Input carries no commands; it only keeps the server alive while open.
    }
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
