package dev.swarm.a2a.server;

import dev.swarm.api.ContextId;
import dev.swarm.api.TaskId;
import dev.swarm.api.TaskStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The tasks this server knows, by id and by (caller, messageId) so a repeated SendMessage finds
 * the task the first one created. Lookups by another caller than the owner find nothing, so a
 * task is visible only to whoever created it. Beyond {@code maxTasks}, the oldest finished tasks
 * are forgotten (with their message ids), so a long-running server's memory stays bounded.
 */
final class TaskRegistry {
  private final ConcurrentHashMap<TaskId, TaskEntry> byId = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, TaskEntry> byMessage = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Admitted> arrivals = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private final int maxTasks;

  private record Admitted(String key, TaskEntry entry) {}

  TaskRegistry(int maxTasks) {
    this.maxTasks = maxTasks;
  }

  /** The entry for this caller's message: the existing one, or a new one from {@code create}. */
  TaskEntry admit(String owner, String messageId, Supplier<TaskEntry> create) {
    boolean[] created = {false};
    String key = owner + '\n' + messageId;
    TaskEntry admitted = byMessage.computeIfAbsent(key, k -> {
      TaskEntry entry = create.get();
      byId.put(entry.id, entry);
      created[0] = true;
      return entry;
    });
    if (created[0]) {
      arrivals.add(new Admitted(key, admitted));
      if (size.incrementAndGet() > maxTasks) {
        evictFinished();
      }
    }
    return admitted;
  }

  /** Forgets the oldest finished tasks until within bounds; running ones go to the back of the line. */
  private void evictFinished() {
    int budget = size.get();
    while (size.get() > maxTasks && budget-- > 0) {
      Admitted oldest = arrivals.poll();
      if (oldest == null) {
        return;
      }
      if (oldest.entry().status().isTerminal()) {
        byId.remove(oldest.entry().id);
        byMessage.remove(oldest.key(), oldest.entry());
        size.decrementAndGet();
      } else {
        arrivals.add(oldest);
      }
    }
  }

  /** How many tasks are remembered now. */
  int size() {
    return size.get();
  }

  Optional<TaskEntry> find(String taskId, String owner) {
    if (taskId.length() > TaskId.MAX_LENGTH || taskId.isBlank()) {
      return Optional.empty();
    }
    TaskEntry entry = byId.get(TaskId.of(taskId));
    return entry != null && entry.owner.equals(owner) ? Optional.of(entry) : Optional.empty();
  }

  /** The owner's entry or a TaskNotFound error naming the id. */
  TaskEntry require(String taskId, String owner) {
    return find(taskId, owner).orElseThrow(() -> RpcError.taskNotFound(taskId));
  }

  /** A page of the owner's tasks, newest status first, ties by id. */
  Page list(String owner, Filter filter, int pageSize, @Nullable String pageToken) {
    Cursor after = pageToken == null ? null : Cursor.decode(pageToken);
    List<Row> matching = byId.values().stream()
        .filter(e -> e.owner.equals(owner))
        .filter(e -> filter.contextId() == null || e.contextId.equals(filter.contextId()))
        .map(e -> new Row(e, e.status(), e.statusAt()))
        .filter(r -> filter.status() == null || r.status() == filter.status())
        .filter(r -> filter.statusAfter() == null || r.at().isAfter(filter.statusAfter()))
        .sorted(Comparator.comparing(Row::at).reversed().thenComparing(r -> r.entry().id.value()))
        .toList();
    List<Row> rest = after == null ? matching : matching.stream().filter(after::precedes).toList();
    List<Row> page = rest.subList(0, Math.min(pageSize, rest.size()));
    String next = rest.size() > page.size() ? Cursor.of(page.get(page.size() - 1)).encode() : null;
    return new Page(page.stream().map(Row::entry).toList(), next, matching.size());
  }

  /** ListTasks filters; null means any. */
  record Filter(@Nullable ContextId contextId, @Nullable TaskStatus status, @Nullable Instant statusAfter) {}

  record Page(List<TaskEntry> entries, @Nullable String nextPageToken, int totalSize) {}

  private record Row(TaskEntry entry, TaskStatus status, Instant at) {}

  /** Where the previous page ended; opaque to clients. */
  private record Cursor(Instant at, String id) {
    static Cursor of(Row row) {
      return new Cursor(row.at(), row.entry().id.value());
    }

    /** Whether {@code row} sorts after this cursor. */
    boolean precedes(Row row) {
      int byTime = row.at().compareTo(at);
      return byTime < 0 || byTime == 0 && row.entry().id.value().compareTo(id) > 0;
    }

    String encode() {
      String raw = at.getEpochSecond() + ":" + at.getNano() + ":" + id;
      return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String token) {
      try {
        String[] raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":", 3);
        return new Cursor(Instant.ofEpochSecond(Long.parseLong(raw[0]), Long.parseLong(raw[1])), raw[2]);
      } catch (RuntimeException e) {
        throw RpcError.invalidParams("pageToken '" + token + "' was not issued by this server");
      }
    }
  }
}
