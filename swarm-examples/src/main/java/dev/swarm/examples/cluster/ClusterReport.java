package dev.swarm.examples.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarm.api.TaskStatus;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a multi-process run did: each workload task once with its final status, the worker that
 * answered it and every attempt it took, plus totals.
 *
 * @param tasks how many workload tasks the run was given
 * @param completed tasks that ended COMPLETED
 * @param failed tasks that ended otherwise
 * @param redispatched tasks whose work went to more than one worker process
 * @param duplicateCompletions subtasks that two workers both completed; zero in a sound run
 * @param perWorker completed attempts per worker process
 * @param lines one line per workload task, in workload order
 * @param elapsedMillis wall-clock time of the run
 */
public record ClusterReport(
    int tasks,
    int completed,
    int failed,
    int redispatched,
    int duplicateCompletions,
    Map<String, Integer> perWorker,
    List<TaskLine> lines,
    long elapsedMillis) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One workload task's outcome.
   *
   * @param id the task's id
   * @param family the kind of task, e.g. {@code json-extraction}
   * @param status its final status
   * @param worker the worker process that answered it, or {@code "none"}
   * @param attempts every hand-off, in order, as {@code worker:STATUS}
   * @param redispatched whether its work went to more than one worker process
   */
  public record TaskLine(String id, String family, TaskStatus status, String worker, List<String> attempts,
      boolean redispatched) {
    /** Validates and copies. */
    public TaskLine {
      Settings.text(id, "id");
      Settings.text(family, "family");
      Objects.requireNonNull(status, "status must not be null");
      Settings.text(worker, "worker");
      attempts = List.copyOf(attempts);
    }
  }

  /** Validates and copies. */
  public ClusterReport {
    if (tasks < 0 || completed < 0 || failed < 0 || redispatched < 0 || duplicateCompletions < 0 || elapsedMillis < 0) {
      throw new IllegalArgumentException("report counts must not be negative but were tasks=" + tasks + ", completed="
          + completed + ", failed=" + failed + ", redispatched=" + redispatched + ", duplicateCompletions="
          + duplicateCompletions + ", elapsedMillis=" + elapsedMillis);
    }
    perWorker = Map.copyOf(perWorker);
    lines = List.copyOf(lines);
  }

  /**
   * Whether every task is accounted for exactly once: one line per task, no id twice, all
   * completed, and no subtask completed by two workers.
   */
  public boolean accountedOnce() {
    Set<String> ids = new HashSet<>();
    boolean unique = lines.stream().allMatch(line -> ids.add(line.id()));
    return unique && lines.size() == tasks && completed == tasks
        && lines.stream().allMatch(line -> line.status() == TaskStatus.COMPLETED) && duplicateCompletions == 0;
  }

  /** The report as one JSON object. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a report always serialises: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Reads a report written by {@link #toJson()}.
   *
   * @throws IllegalArgumentException if {@code json} is not such a report
   */
  public static ClusterReport fromJson(String json) {
    try {
      return JSON.readValue(json, ClusterReport.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a cluster report: " + e.getOriginalMessage(), e);
    }
  }

  /** The report for people: totals, per-worker counts, then each task on its own line. */
  public String toText() {
    StringBuilder text = new StringBuilder();
    text.append(String.format("cluster run: %d tasks in %.1f s: %d completed, %d failed, %d re-dispatched, "
        + "%d completed twice%n", tasks, elapsedMillis / 1000.0, completed, failed, redispatched, duplicateCompletions));
    text.append("completed per worker: ").append(new TreeMap<>(perWorker)).append(System.lineSeparator());
    text.append("every task accounted for exactly once: ").append(accountedOnce() ? "yes" : "NO")
        .append(System.lineSeparator());
    for (TaskLine line : lines) {
      text.append(String.format("  %s %-9s %-16s on %s%s%n", line.id(), line.status(), line.family(), line.worker(),
          line.redispatched() ? "  re-dispatched " + line.attempts() : ""));
    }
    return text.toString();
  }
}
