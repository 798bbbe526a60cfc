package dev.swarm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskTest {
  @Test
  void of_fillsFreshIdsAndDefaults() {
    Task task = Task.of("Summarise the report");
    assertThat(task.id().value()).isNotBlank();
    assertThat(task.contextId().value()).isNotBlank();
    assertThat(task.correlationId()).isNotBlank();
    assertThat(task.priority()).isEqualTo(Priority.NORMAL);
    assertThat(task.skill()).isNull();
    assertThat(task.deadline()).isNull();
    assertThat(task.parentId()).isNull();
    assertThat(task.metadata()).isEmpty();
  }

  @Test
  void constructor_blankInput_isRejectedNamingInput() {
    assertThatThrownBy(() -> Task.of("   "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("input");
  }

  @Test
  void constructor_nullInput_isNpeNamingInput() {
    assertThatThrownBy(() -> Task.builder(null).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("input");
  }

  @Test
  void constructor_oversizedInput_isRejectedWithLength() {
    String huge = "x".repeat(Task.MAX_INPUT_LENGTH + 1);
    assertThatThrownBy(() -> Task.of(huge))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("input")
        .hasMessageContaining(String.valueOf(Task.MAX_INPUT_LENGTH + 1));
  }

  @Test
  void constructor_blankSkill_isRejectedNamingSkill() {
    assertThatThrownBy(() -> Task.builder("do it").skill(" ").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("skill");
  }

  @Test
  void metadata_isAnImmutableCopy() {
    Map<String, String> source = new HashMap<>(Map.of("k", "v"));
    Task task = Task.builder("do it").metadata(source).build();
    source.put("k2", "v2");
    assertThat(task.metadata()).containsOnlyKeys("k");
    assertThatThrownBy(() -> task.metadata().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void subtask_sharesContextCorrelationAndDeadline() {
    Instant deadline = Instant.parse("2026-01-01T00:00:00Z");
    Task parent = Task.builder("parent").priority(Priority.HIGH).deadline(deadline).build();
    Task child = parent.subtask("child").build();
    assertThat(child.contextId()).isEqualTo(parent.contextId());
    assertThat(child.correlationId()).isEqualTo(parent.correlationId());
    assertThat(child.parentId()).isEqualTo(parent.id());
    assertThat(child.priority()).isEqualTo(Priority.HIGH);
    assertThat(child.deadline()).isEqualTo(deadline);
    assertThat(child.id()).isNotEqualTo(parent.id());
  }

  @Test
  void taskId_tooLong_isRejectedNamingTaskId() {
    assertThatThrownBy(() -> TaskId.of("a".repeat(TaskId.MAX_LENGTH + 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("taskId");
  }

  @Test
  void contextId_blank_isRejectedNamingContextId() {
    assertThatThrownBy(() -> ContextId.of(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("contextId");
  }
}
