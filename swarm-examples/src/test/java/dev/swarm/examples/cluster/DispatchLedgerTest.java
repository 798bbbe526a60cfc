package dev.swarm.examples.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarm.api.Task;
import dev.swarm.api.TaskResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DispatchLedgerTest {
  private final DispatchLedger ledger = new DispatchLedger();
  private final Task workload = Task.builder("Extract the fields as JSON").metadata("family", "json-extraction").build();
  private final Task subtask = workload.subtask(workload.input()).metadata(workload.metadata()).build();

  @Test
  void redispatched_subtaskFailedOnOnePeerThenCompletedOnAnother_isCountedOnceUnderItsWorkloadTask() {
    ledger.submitted(subtask, "worker-1");
    ledger.ended(subtask, "worker-1", TaskResult.failed(subtask.id(), "peer died"));
    ledger.submitted(subtask, "worker-2");
    ledger.ended(subtask, "worker-2", TaskResult.completed(subtask.id(), "{}"));

    assertThat(ledger.attempts(workload.id())).containsExactly("worker-1:FAILED", "worker-2:COMPLETED");
    assertThat(ledger.redispatched(workload.id())).isTrue();
    assertThat(ledger.completedBy(workload.id())).contains("worker-2");
    assertThat(ledger.family(workload.id())).contains("json-extraction");
    assertThat(ledger.duplicateCompletions()).isZero();
    assertThat(ledger.completionsPerPeer()).isEqualTo(Map.of("worker-2", 1));
  }

  @Test
  void redispatched_evaluatorRevisionOnAnotherPeer_isNotARedispatch() {
    Task revision = Task.builder(workload.input()).metadata("revisionOf", workload.id().value()).build();
    Task revisionWork = revision.subtask(revision.input()).metadata(revision.metadata()).build();

    ledger.submitted(subtask, "worker-1");
    ledger.ended(subtask, "worker-1", TaskResult.completed(subtask.id(), "draft"));
    ledger.submitted(revisionWork, "worker-2");

    assertThat(ledger.attempts(workload.id())).containsExactly("worker-1:COMPLETED", "worker-2:RUNNING");
    assertThat(ledger.redispatched(workload.id())).isFalse();
    assertThat(ledger.completedBy(workload.id())).contains("worker-1");
  }

  @Test
  void duplicateCompletions_subtaskCompletedByTwoPeers_isCounted() {
    ledger.submitted(subtask, "worker-1");
    ledger.submitted(subtask, "worker-2");
    ledger.ended(subtask, "worker-2", TaskResult.completed(subtask.id(), "a"));
    ledger.ended(subtask, "worker-1", TaskResult.completed(subtask.id(), "b"));

    assertThat(ledger.duplicateCompletions()).isEqualTo(1);
    assertThat(ledger.completionsPerPeer()).isEqualTo(Map.of("worker-1", 1, "worker-2", 1));
  }

  @Test
  void attempts_unknownTask_isEmpty() {
    assertThat(ledger.attempts(workload.id())).isEmpty();
    assertThat(ledger.completedBy(workload.id())).isEmpty();
    assertThat(ledger.redispatched(workload.id())).isFalse();
  }
}
