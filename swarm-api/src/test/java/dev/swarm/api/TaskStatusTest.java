package dev.swarm.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class TaskStatusTest {
  @Test
  void isTerminal_onlyForFinalStates() {
    assertThat(EnumSet.allOf(TaskStatus.class).stream().filter(TaskStatus::isTerminal))
        .containsExactlyInAnyOrder(TaskStatus.COMPLETED, TaskStatus.FAILED, TaskStatus.CANCELED, TaskStatus.REJECTED);
  }

  @Test
  void isInterrupted_onlyForStatesWaitingOnTheCaller() {
    assertThat(EnumSet.allOf(TaskStatus.class).stream().filter(TaskStatus::isInterrupted))
        .containsExactlyInAnyOrder(TaskStatus.INPUT_REQUIRED, TaskStatus.AUTH_REQUIRED);
  }

  @Test
  void endsStream_forTerminalAndInterruptedButNotRunning() {
    assertThat(TaskStatus.SUBMITTED.endsStream()).isFalse();
    assertThat(TaskStatus.WORKING.endsStream()).isFalse();
    assertThat(TaskStatus.INPUT_REQUIRED.endsStream()).isTrue();
    assertThat(TaskStatus.CANCELED.endsStream()).isTrue();
  }
}
