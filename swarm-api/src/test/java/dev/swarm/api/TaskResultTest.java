package dev.swarm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskResultTest {
  private static final TaskId ID = TaskId.of("t1");

  @Test
  void constructor_runningStatus_isRejectedNamingStatus() {
    assertThatThrownBy(() -> new TaskResult(ID, TaskStatus.WORKING, "", null, Duration.ZERO, 0, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("status")
        .hasMessageContaining("WORKING");
  }

  @Test
  void constructor_negativeCost_isRejectedEchoingValue() {
    assertThatThrownBy(() -> new TaskResult(ID, TaskStatus.COMPLETED, "ok", null, Duration.ZERO, -0.5, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("costUsd")
        .hasMessageContaining("-0.5");
  }

  @Test
  void constructor_negativeLatency_isRejectedNamingLatency() {
    assertThatThrownBy(
            () -> new TaskResult(ID, TaskStatus.COMPLETED, "ok", null, Duration.ofMillis(-1), 0, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("latency");
  }

  @Test
  void constructor_completedWithError_isRejectedNamingError() {
    assertThatThrownBy(() -> new TaskResult(ID, TaskStatus.COMPLETED, "ok", "boom", Duration.ZERO, 0, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("error");
  }

  @Test
  void failed_blankError_isRejectedNamingError() {
    assertThatThrownBy(() -> TaskResult.failed(ID, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("error");
  }

  @Test
  void factories_setStatusAndWithAccountingKeepsTheRest() {
    assertThat(TaskResult.completed(ID, "ok").isCompleted()).isTrue();
    assertThat(TaskResult.failed(ID, "boom").status()).isEqualTo(TaskStatus.FAILED);
    assertThat(TaskResult.canceled(ID).status()).isEqualTo(TaskStatus.CANCELED);
    TaskResult accounted = TaskResult.completed(ID, "ok").withAccounting(Duration.ofMillis(5), 0.25);
    assertThat(accounted.latency()).isEqualTo(Duration.ofMillis(5));
    assertThat(accounted.costUsd()).isEqualTo(0.25);
    assertThat(accounted.output()).isEqualTo("ok");
  }

  @Test
  void isRetriable_onlyForFailedResultsMarkedRetriable() {
    TaskResult marked = new TaskResult(ID, TaskStatus.FAILED, "", "peer died", Duration.ZERO, 0,
        Map.of(TaskResult.RETRIABLE, "true"));
    assertThat(marked.isRetriable()).isTrue();
    assertThat(TaskResult.failed(ID, "bad input").isRetriable()).isFalse();
    assertThat(new TaskResult(ID, TaskStatus.CANCELED, "", "x", Duration.ZERO, 0, Map.of(TaskResult.RETRIABLE, "true"))
        .isRetriable()).isFalse();
  }
}
