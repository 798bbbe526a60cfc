package dev.swarm.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarm.api.ContextId;
import dev.swarm.api.Task;
import dev.swarm.api.TaskId;
import dev.swarm.api.TaskResult;
import dev.swarm.api.TaskStatus;
import dev.swarm.api.store.TaskPage;
import dev.swarm.api.store.TaskQuery;
import dev.swarm.api.store.TaskRecord;
import dev.swarm.api.store.TaskStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link TaskStore} must show. Extend it and return a fresh, empty store. */
public abstract class TaskStoreContract {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** A new, empty store for one test. */
  protected abstract TaskStore createStore();

  private static Task task(String id, String context) {
    return Task.builder("do " + id).id(TaskId.of(id)).contextId(ContextId.of(context)).build();
  }

  @Test
  void find_afterSave_returnsRecord() {
    TaskStore store = createStore();
    TaskRecord record = TaskRecord.submitted(task("t1", "c1"), T0);
    store.save(record);
    assertThat(store.find(TaskId.of("t1"))).contains(record);
  }

  @Test
  void find_unknown_isEmpty() {
    assertThat(createStore().find(TaskId.of("nope"))).isEmpty();
  }

  @Test
  void save_replacesEarlierRecord() {
    TaskStore store = createStore();
    TaskRecord submitted = TaskRecord.submitted(task("t1", "c1"), T0);
    store.save(submitted);
    TaskRecord working = submitted.withStatus(TaskStatus.WORKING, T0.plusSeconds(1));
    store.save(working);
    assertThat(store.find(TaskId.of("t1"))).contains(working);
  }

  @Test
  void save_changingTerminalRecord_isRefused() {
    TaskStore store = createStore();
    TaskRecord submitted = TaskRecord.submitted(task("t1", "c1"), T0);
    TaskRecord done = submitted.withResult(TaskResult.completed(TaskId.of("t1"), "ok"), T0.plusSeconds(1));
    store.save(done);
    TaskRecord reopened = submitted.withStatus(TaskStatus.WORKING, T0.plusSeconds(2));
    assertThatThrownBy(() -> store.save(reopened))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("t1");
    assertThat(store.find(TaskId.of("t1"))).contains(done);
  }

  @Test
  void list_filtersByContextAndStatus_newestFirst() {
    TaskStore store = createStore();
    store.save(TaskRecord.submitted(task("a", "c1"), T0));
    store.save(TaskRecord.submitted(task("b", "c1"), T0.plusSeconds(5)));
    store.save(TaskRecord.submitted(task("c", "c2"), T0.plusSeconds(9)));
    store.save(TaskRecord.submitted(task("d", "c1"), T0.plusSeconds(7)).withStatus(TaskStatus.WORKING, T0.plusSeconds(8)));

    TaskPage byContext = store.list(new TaskQuery(ContextId.of("c1"), null, 10, null));
    assertThat(byContext.tasks()).extracting(r -> r.task().id().value()).containsExactly("d", "b", "a");
    assertThat(byContext.totalSize()).isEqualTo(3);
    assertThat(byContext.nextPageToken()).isNull();

    TaskPage submittedInC1 = store.list(new TaskQuery(ContextId.of("c1"), TaskStatus.SUBMITTED, 10, null));
    assertThat(submittedInC1.tasks()).extracting(r -> r.task().id().value()).containsExactly("b", "a");
  }

  @Test
  void list_pagesCoverEveryRecordOnce() {
    TaskStore store = createStore();
    for (int i = 0; i < 25; i++) {
      store.save(TaskRecord.submitted(task(String.format("t%02d", i), "c"), T0.plusSeconds(i)));
    }
    List<String> seen = new ArrayList<>();
    TaskQuery query = TaskQuery.all(10);
    int pages = 0;
    while (true) {
      TaskPage page = store.list(query);
      pages++;
      page.tasks().forEach(r -> seen.add(r.task().id().value()));
      assertThat(page.totalSize()).isEqualTo(25);
      if (page.nextPageToken() == null) {
        break;
      }
      query = query.next(page.nextPageToken());
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(25).doesNotHaveDuplicates();
    assertThat(seen.get(0)).isEqualTo("t24");
  }

  @Test
  void list_foreignPageToken_isRejected() {
    TaskStore store = createStore();
    assertThatThrownBy(() -> store.list(TaskQuery.all(10).next("not-a-token")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("page");
  }

  @Test
  void delete_removesAndReportsWhetherPresent() {
    TaskStore store = createStore();
    store.save(TaskRecord.submitted(task("t1", "c1"), T0));
    assertThat(store.delete(TaskId.of("t1"))).isTrue();
    assertThat(store.delete(TaskId.of("t1"))).isFalse();
    assertThat(store.find(TaskId.of("t1"))).isEmpty();
  }
}
