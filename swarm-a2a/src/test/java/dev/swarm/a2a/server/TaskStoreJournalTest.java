package dev.swarm.a2a.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swarm.api.TaskId;
import dev.swarm.api.TaskStatus;
import dev.swarm.api.store.TaskPage;
import dev.swarm.api.store.TaskQuery;
import dev.swarm.api.store.TaskRecord;
import dev.swarm.api.store.TaskStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The server writing tasks through to a host's TaskStore and recalling them after a restart. */
class TaskStoreJournalTest {
  /** Keeps every save, in order; refuses changes to finished records as the SPI says. */
  private static final class RecordingStore implements TaskStore {
    final List<TaskRecord> saves = new CopyOnWriteArrayList<>();
    private final Map<TaskId, TaskRecord> latest = new ConcurrentHashMap<>();

    @Override
    public synchronized void save(TaskRecord record) {
      TaskRecord stored = latest.get(record.task().id());
      if (stored != null && stored.status().isTerminal() && !stored.equals(record)) {
        throw new IllegalStateException("task " + record.task().id() + " is already " + stored.status());
      }
      latest.put(record.task().id(), record);
      saves.add(record);
    }

    @Override
    public Optional<TaskRecord> find(TaskId id) {
      return Optional.ofNullable(latest.get(id));
    }

    @Override
    public TaskPage list(TaskQuery query) {
      throw new UnsupportedOperationException("the server does not list through the store");
    }

    @Override
    public boolean delete(TaskId id) {
      return latest.remove(id) != null;
    }
  }

  private final ScriptedAgent agent = new ScriptedAgent();
  private final RecordingStore store = new RecordingStore();

  private A2aServer server() {
    A2aServer server = A2aServer.builder().agent(agent).ioThreads(1).taskStore(store)
        .bearerToken("alice-token", "alice").bearerToken("bob-token", "bob").build();
    server.start();
    return server;
  }

  @Test
  void journal_writesEveryStepOfTheTaskInOrder() throws Exception {
    String id;
    try (A2aServer server = server()) {
      id = new Rpc(server.baseUrl()).token("alice-token").call("SendMessage", Rpc.send("chunks", "msg-7"))
          .path("result").path("task").path("id").asText();
      await().atMost(Duration.ofSeconds(10)).until(() -> store.find(TaskId.of(id)).map(r -> r.status().isTerminal()).orElse(false));
    }
    assertThat(store.saves).extracting(TaskRecord::status)
        .containsExactly(TaskStatus.SUBMITTED, TaskStatus.WORKING, TaskStatus.COMPLETED);
    TaskRecord done = store.find(TaskId.of(id)).orElseThrow();
    assertThat(done.result().output()).isEqualTo("once upon");
    assertThat(done.task().metadata()).containsEntry("a2a.principal", "alice").containsEntry("a2a.messageId", "msg-7");
  }

  @Test
  void getTask_afterRestart_isRecalledFromTheStoreForItsOwnerOnly() throws Exception {
    String id;
    try (A2aServer first = server()) {
      id = new Rpc(first.baseUrl()).token("alice-token").call("SendMessage", Rpc.send("fail on purpose"))
          .path("result").path("task").path("id").asText();
      await().atMost(Duration.ofSeconds(10)).until(() -> store.find(TaskId.of(id)).map(r -> r.status().isTerminal()).orElse(false));
    }
    try (A2aServer restarted = server()) {
      JsonNode task = new Rpc(restarted.baseUrl()).token("alice-token").call("GetTask", "{\"id\":\"" + id + "\"}").path("result");
      assertThat(task.path("status").path("state").asText()).isEqualTo("TASK_STATE_FAILED");
      assertThat(task.path("status").path("message").path("parts").get(0).path("text").asText()).isEqualTo("scripted failure");
      assertThat(task.path("history").get(0).path("parts").get(0).path("text").asText()).isEqualTo("fail on purpose");
      JsonNode stranger = new Rpc(restarted.baseUrl()).token("bob-token").call("GetTask", "{\"id\":\"" + id + "\"}");
      assertThat(stranger.path("error").path("code").asInt()).isEqualTo(-32001);
    }
  }
}
