package dev.swarm.api.store;

import dev.swarm.api.Checks;
import dev.swarm.api.ContextId;
import dev.swarm.api.TaskStatus;
import org.jspecify.annotations.Nullable;

/**
 * Which tasks to list, one page at a time.
 *
 * @param contextId only tasks of this context, or null for all
 * @param status only tasks in this status, or null for all
 * @param pageSize the most tasks in one page, 1 to {@value #MAX_PAGE_SIZE}
 * @param pageToken the token a previous page returned, or null for the first page
 */
public record TaskQuery(
    @Nullable ContextId contextId, @Nullable TaskStatus status, int pageSize, @Nullable String pageToken) {
  /** The largest page a store returns. */
  public static final int MAX_PAGE_SIZE = 100;

  /** Validates. */
  public TaskQuery {
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException(
          "pageSize must be in [1, " + MAX_PAGE_SIZE + "] but was " + pageSize);
    }
    if (pageToken != null) {
      Checks.notBlank(pageToken, "pageToken");
    }
  }

  /** The first page of every task, {@code pageSize} at a time. */
  public static TaskQuery all(int pageSize) {
    return new TaskQuery(null, null, pageSize, null);
  }

  /** The page after the one that returned {@code token}. */
  public TaskQuery next(String token) {
    return new TaskQuery(contextId, status, pageSize, token);
  }
}
