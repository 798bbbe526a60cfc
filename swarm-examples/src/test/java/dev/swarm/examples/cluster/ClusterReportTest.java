package dev.swarm.examples.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarm.api.TaskStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterReportTest {
  private static ClusterReport.TaskLine line(String id, TaskStatus status) {
    return new ClusterReport.TaskLine(id, "math-word", status, "worker-2", List.of("worker-1:FAILED",
        "worker-2:" + status), true);
  }

  @Test
  void fromJson_whatToJsonWrote_readsTheSameReport() {
    ClusterReport report = new ClusterReport(2, 2, 0, 2, 0, Map.of("worker-2", 2),
        List.of(line("a", TaskStatus.COMPLETED), line("b", TaskStatus.COMPLETED)), 1234);

    assertThat(ClusterReport.fromJson(report.toJson())).isEqualTo(report);
    assertThat(report.accountedOnce()).isTrue();
    assertThat(report.toText()).contains("2 tasks in 1.2 s", "2 re-dispatched", "{worker-2=2}",
        "every task accounted for exactly once: yes", "a COMPLETED", "[worker-1:FAILED, worker-2:COMPLETED]");
  }

  @Test
  void accountedOnce_aTaskTwiceAFailureOrADuplicateCompletion_isFalse() {
    ClusterReport twice = new ClusterReport(2, 2, 0, 0, 0, Map.of(),
        List.of(line("a", TaskStatus.COMPLETED), line("a", TaskStatus.COMPLETED)), 1);
    ClusterReport failed = new ClusterReport(2, 1, 1, 0, 0, Map.of(),
        List.of(line("a", TaskStatus.COMPLETED), line("b", TaskStatus.FAILED)), 1);
    ClusterReport missing = new ClusterReport(2, 1, 0, 0, 0, Map.of(), List.of(line("a", TaskStatus.COMPLETED)), 1);
    ClusterReport duplicate = new ClusterReport(1, 1, 0, 0, 1, Map.of(), List.of(line("a", TaskStatus.COMPLETED)), 1);

    assertThat(twice.accountedOnce()).isFalse();
    assertThat(failed.accountedOnce()).isFalse();
    assertThat(failed.toText()).contains("every task accounted for exactly once: NO");
    assertThat(missing.accountedOnce()).isFalse();
    assertThat(duplicate.accountedOnce()).isFalse();
  }

  @Test
  void fromJson_notAReport_failsNamingWhy() {
    assertThatThrownBy(() -> ClusterReport.fromJson("{\"tasks\":"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a cluster report");
    assertThatThrownBy(() -> new ClusterReport(-1, 0, 0, 0, 0, Map.of(), List.of(), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tasks=-1");
  }
}
