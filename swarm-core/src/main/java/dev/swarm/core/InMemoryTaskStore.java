package dev.swarm.core;

import dev.swarm.api.TaskId;
import dev.swarm.api.store.TaskPage;
import dev.swarm.api.store.TaskQuery;
import dev.swarm.api.store.TaskRecord;
import dev.swarm.api.store.TaskStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link TaskStore} held in this process's memory: for tests, single-process swarms and as the
 * default of {@link Swarm}. Records are lost when the process ends.
 *
 * <p>Page tokens name the last record of the page (keyset paging), so a listing does not skip or
 * repeat records when others are saved between pages. Thread-safe; linearizable per task.
 */
public final class InMemoryTaskStore implements TaskStore {
  private static final Comparator<TaskRecord> NEWEST_FIRST =
      Comparator.comparing(TaskRecord::updatedAt).reversed().thenComparing(r -> r.task().id().value());

  private final String storeId = UUID.randomUUID().toString();
  private final ConcurrentHashMap<TaskId, TaskRecord> records = new ConcurrentHashMap<>();

  /** An empty store. */
  public InMemoryTaskStore() {}

  @Override
  public void save(TaskRecord record) {
    Objects.requireNonNull(record, "record must not be null");
    records.compute(record.task().id(), (id, stored) -> {
      if (stored != null && stored.status().isTerminal() && !stored.equals(record)) {
        throw new IllegalStateException("task " + id + " already ended " + stored.status()
            + "; a terminal task cannot move to " + record.status());
      }
      return record;
    });
  }

  @Override
  public Optional<TaskRecord> find(TaskId id) {
    return Optional.ofNullable(records.get(Objects.requireNonNull(id, "id must not be null")));
  }

  @Override
  public TaskPage list(TaskQuery query) {
    Objects.requireNonNull(query, "query must not be null");
    List<TaskRecord> matching = records.values().stream()
        .filter(r -> query.contextId() == null || r.task().contextId().equals(query.contextId()))
        .filter(r -> query.status() == null || r.status() == query.status())
        .sorted(NEWEST_FIRST)
        .toList();
    int from = 0;
    if (query.pageToken() != null) {
      Cursor after = Cursor.decode(query.pageToken(), storeId, queryKey(query));
      while (from < matching.size() && !after.isBefore(matching.get(from))) {
        from++;
      }
    }
    int to = Math.min(matching.size(), from + query.pageSize());
    List<TaskRecord> page = matching.subList(from, to);
    String next = to < matching.size() ? new Cursor(page.getLast()).encode(storeId, queryKey(query)) : null;
    return new TaskPage(page, next, matching.size());
  }

  @Override
  public boolean delete(TaskId id) {
    return records.remove(Objects.requireNonNull(id, "id must not be null")) != null;
  }

  private static String queryKey(TaskQuery query) {
    return query.contextId() + "/" + query.status();
  }

  /** The position after the last record of a page. */
  private record Cursor(Instant updatedAt, String id) {
    Cursor(TaskRecord last) {
      this(last.updatedAt(), last.task().id().value());
    }

    /** Whether {@code record} sorts after this position (newest first, ties by id). */
    boolean isBefore(TaskRecord record) {
      int byTime = record.updatedAt().compareTo(updatedAt);
      return byTime < 0 || (byTime == 0 && record.task().id().value().compareTo(id) > 0);
    }

    String encode(String storeId, String queryKey) {
      String raw = storeId + "\n" + queryKey + "\n" + updatedAt + "\n" + id;
      return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String token, String storeId, String queryKey) {
      String[] parts;
      try {
        parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", 4);
      } catch (IllegalArgumentException e) {
        throw foreign(token);
      }
      if (parts.length != 4 || !parts[0].equals(storeId) || !parts[1].equals(queryKey)) {
        throw foreign(token);
      }
      try {
        return new Cursor(Instant.parse(parts[2]), parts[3]);
      } catch (RuntimeException e) {
        throw foreign(token);
      }
    }

    private static IllegalArgumentException foreign(String token) {
      return new IllegalArgumentException("pageToken '" + token
          + "' was not issued by this store for this query; start again from the first page");
    }
  }
}
