package dev.swarm.examples.cluster;

import dev.swarm.api.Task;
import dev.swarm.api.TaskId;
import dev.swarm.api.TaskResult;
import dev.swarm.api.TaskStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Every hand-off of work to a worker process, kept by the orchestrator: which peer got which
 * subtask, how each attempt ended, and so which workload task was re-dispatched and whether any
 * subtask completed twice. Attempts are keyed by the workload task they serve: the orchestrator's
 * subtask names its parent, and an evaluator revision names the task it revises.
 *
 * <p>Thread-safe: attempts start on dispatching threads and end on the A2A client's threads.
 */
final class DispatchLedger {
  private static final String REVISION_OF = "revisionOf";
  private static final String FAMILY = "family";

  /** One subtask sent to one peer; {@code end} is null while it runs. */
  private static final class Attempt {
    final TaskId subtask;
    final String peer;
    @Nullable TaskStatus end;

    Attempt(TaskId subtask, String peer) {
      this.subtask = subtask;
      this.peer = peer;
    }
  }

  private final Map<String, List<Attempt>> byWorkloadTask = new HashMap<>();
  private final Map<String, String> families = new HashMap<>();

  synchronized void submitted(Task subtask, String peer) {
    String key = workloadTask(subtask);
    byWorkloadTask.computeIfAbsent(key, k -> new ArrayList<>()).add(new Attempt(subtask.id(), peer));
    String family = subtask.metadata().get(FAMILY);
    if (family != null) {
      families.putIfAbsent(key, family);
    }
  }

  synchronized void ended(Task subtask, String peer, TaskResult result) {
    for (Attempt attempt : byWorkloadTask.getOrDefault(workloadTask(subtask), List.of())) {
      if (attempt.subtask.equals(subtask.id()) && attempt.peer.equals(peer) && attempt.end == null) {
        attempt.end = result.status();
        return;
      }
    }
  }

  /** The attempts for a workload task, in order, as {@code peer:STATUS} ({@code RUNNING} while open). */
  synchronized List<String> attempts(TaskId workloadTask) {
    return byWorkloadTask.getOrDefault(workloadTask.value(), List.of()).stream()
        .map(a -> a.peer + ":" + (a.end == null ? "RUNNING" : a.end.name()))
        .toList();
  }

  /** The peer whose completed attempt answered the workload task last, if any did. */
  synchronized Optional<String> completedBy(TaskId workloadTask) {
    List<Attempt> attempts = byWorkloadTask.getOrDefault(workloadTask.value(), List.of());
    return attempts.reversed().stream().filter(a -> a.end == TaskStatus.COMPLETED).map(a -> a.peer).findFirst();
  }

  /** Whether any subtask of the workload task went to more than one peer. */
  synchronized boolean redispatched(TaskId workloadTask) {
    Map<TaskId, Integer> sends = new HashMap<>();
    for (Attempt a : byWorkloadTask.getOrDefault(workloadTask.value(), List.of())) {
      if (sends.merge(a.subtask, 1, Integer::sum) > 1) {
        return true;
      }
    }
    return false;
  }

  /** The family the workload task's subtasks carried, if known. */
  synchronized Optional<String> family(TaskId workloadTask) {
    return Optional.ofNullable(families.get(workloadTask.value()));
  }

  /** Subtasks that two peers both completed: the run would have done work twice. Zero when sound. */
  synchronized int duplicateCompletions() {
    Map<TaskId, Integer> completions = new HashMap<>();
    byWorkloadTask.values().forEach(list -> list.stream().filter(a -> a.end == TaskStatus.COMPLETED)
        .forEach(a -> completions.merge(a.subtask, 1, Integer::sum)));
    return (int) completions.values().stream().filter(n -> n > 1).count();
  }

  /** Completed attempts per peer, by peer id. */
  synchronized Map<String, Integer> completionsPerPeer() {
    Map<String, Integer> counts = new TreeMap<>();
    byWorkloadTask.values().forEach(list -> list.stream().filter(a -> a.end == TaskStatus.COMPLETED)
        .forEach(a -> counts.merge(a.peer, 1, Integer::sum)));
    return new LinkedHashMap<>(counts);
  }

  private static String workloadTask(Task subtask) {
    String revised = subtask.metadata().get(REVISION_OF);
    if (revised != null) {
      return revised;
    }
    return subtask.parentId() != null ? subtask.parentId().value() : subtask.id().value();
  }
}
