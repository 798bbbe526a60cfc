package dev.swarm.a2a.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class ServerMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ServerMetrics metrics = new ServerMetrics(registry);

  @Test
  void record_sameMethodAndOutcome_countsOnOneTimer() {
    metrics.record(metrics.start(), JsonRpc.Method.SEND, null);
    metrics.record(metrics.start(), JsonRpc.Method.SEND, null);
    assertThat(registry.get("a2a.server.calls").tags("method", "send", "outcome", "ok").timer().count()).isEqualTo(2);
    assertThat(registry.getMeters()).hasSize(1);
  }

  @Test
  void record_errorsAndMethods_getTheirOwnTimers() {
    metrics.record(metrics.start(), JsonRpc.Method.SEND, null);
    metrics.record(metrics.start(), JsonRpc.Method.SEND, RpcError.taskNotFound("t1"));
    metrics.record(metrics.start(), JsonRpc.Method.GET, RpcError.taskNotFound("t2"));
    metrics.record(metrics.start(), JsonRpc.Method.GET, RpcError.taskNotFound("t3"));
    assertThat(registry.get("a2a.server.calls").tags("method", "send", "outcome", "ok").timer().count()).isEqualTo(1);
    assertThat(registry.get("a2a.server.calls").tags("method", "send", "outcome", "-32001").timer().count()).isEqualTo(1);
    assertThat(registry.get("a2a.server.calls").tags("method", "get", "outcome", "-32001").timer().count()).isEqualTo(2);
    assertThat(registry.getMeters()).hasSize(3);
  }
}
