package dev.swarm.a2a.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The server's meters: {@code a2a.server.calls} (a timer per method and outcome), and gauges of
 * open connections, calls in flight and remembered tasks.
 */
final class ServerMetrics {
  private final MeterRegistry registry;
  /** Each call's timer, registered on first use: a registry lookup by tags costs more than the call it times. */
  private final Map<Outcome, Timer> timers = new ConcurrentHashMap<>();

  private record Outcome(JsonRpc.Method method, RpcError.@Nullable Code error) {}

  ServerMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void gauges(ServerState state, TaskRegistry tasks) {
    registry.gauge("a2a.server.connections", state.connections);
    registry.gauge("a2a.server.in.flight", state.inFlight);
    registry.gauge("a2a.server.tasks", tasks, TaskRegistry::size);
  }

  Timer.Sample start() {
    return Timer.start(registry);
  }

  /** Records one call; {@code error} is null when it succeeded. */
  void record(Timer.Sample sample, JsonRpc.Method method, @Nullable RpcError error) {
    sample.stop(timers.computeIfAbsent(new Outcome(method, error == null ? null : error.code), this::register));
  }

  private Timer register(Outcome outcome) {
    return Timer.builder("a2a.server.calls")
        .description("A2A calls served, by method and outcome")
        .tag("method", outcome.method().name().toLowerCase(Locale.ROOT))
        .tag("outcome", outcome.error() == null ? "ok" : String.valueOf(outcome.error().value))
        .register(registry);
  }
}
