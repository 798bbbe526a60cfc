package dev.swarm.api.store;

import dev.swarm.api.Checks;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One page of a task listing.
 *
 * @param tasks the tasks, most recently updated first, copied and immutable
 * @param nextPageToken the token for the next page, or null on the last page
 * @param totalSize how many tasks match the query across all pages
 */
public record TaskPage(List<TaskRecord> tasks, @Nullable String nextPageToken, int totalSize) {
  /** Validates and copies. */
  public TaskPage {
    tasks = List.copyOf(Checks.notNull(tasks, "tasks"));
    Checks.notNegative(totalSize, "totalSize");
  }

  /** The token for the next page, if there is one. */
  public Optional<String> next() {
    return Optional.ofNullable(nextPageToken);
  }
}
