package dev.swarm.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarm.api.Task;
import dev.swarm.api.TaskResult;
import dev.swarm.api.TaskStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TaskRecordTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final Task task = Task.of("work");

  @Test
  void constructor_terminalWithoutResult_isRejected() {
    assertThatThrownBy(() -> new TaskRecord(task, TaskStatus.COMPLETED, null, T0, T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("result");
  }

  @Test
  void constructor_updatedBeforeCreated_isRejectedNamingBoth() {
    assertThatThrownBy(() -> new TaskRecord(task, TaskStatus.SUBMITTED, null, T0, T0.minusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("updatedAt")
        .hasMessageContaining("createdAt");
  }

  @Test
  void constructor_mismatchedResultStatus_isRejected() {
    TaskResult failed = TaskResult.failed(task.id(), "boom");
    assertThatThrownBy(() -> new TaskRecord(task, TaskStatus.COMPLETED, failed, T0, T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("FAILED");
  }

  @Test
  void withResult_movesToResultStatusKeepingCreation() {
    TaskRecord done = TaskRecord.submitted(task, T0).withResult(TaskResult.completed(task.id(), "ok"), T0.plusSeconds(3));
    assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(done.createdAt()).isEqualTo(T0);
    assertThat(done.updatedAt()).isEqualTo(T0.plusSeconds(3));
  }

  @Test
  void query_pageSizeOutOfRange_isRejectedEchoingValue() {
    assertThatThrownBy(() -> TaskQuery.all(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pageSize")
        .hasMessageContaining("0");
    assertThatThrownBy(() -> TaskQuery.all(TaskQuery.MAX_PAGE_SIZE + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pageSize");
  }
}
