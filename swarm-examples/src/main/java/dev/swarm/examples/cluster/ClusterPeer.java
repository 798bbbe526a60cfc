package dev.swarm.examples.cluster;

import dev.swarm.a2a.client.RemoteAgent;
import dev.swarm.api.Agent;
import dev.swarm.api.AgentCard;
import dev.swarm.api.Task;
import dev.swarm.api.TaskHandle;
import dev.swarm.api.TaskId;
import dev.swarm.api.TaskResult;
import dev.swarm.api.TaskUpdateListener;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A worker process as the orchestrator's dispatcher sees it: a {@link RemoteAgent} that records
 * every attempt in the {@link DispatchLedger} and names the worker on the result, so the report
 * can show which tasks a killed worker lost and where they finished. (The client already marks a
 * peer that died mid-task with {@link TaskResult#RETRIABLE}, which core's dispatcher acts on.)
 *
 * <p>Thread-safe; {@link #submit} never blocks, as the remote agent's does not.
 */
final class ClusterPeer implements Agent, AutoCloseable {
  /** Result metadata: the id of the worker process that ran the attempt. */
  static final String WORKER = "cluster.worker";

  private final RemoteAgent remote;
  private final DispatchLedger ledger;

  ClusterPeer(RemoteAgent remote, DispatchLedger ledger) {
    this.remote = remote;
    this.ledger = ledger;
  }

  @Override
  public AgentCard card() {
    return remote.card();
  }

  @Override
  public TaskHandle submit(Task task, TaskUpdateListener listener) {
    TaskHandle handle = remote.submit(task, listener);
    ledger.submitted(task, id());
    CompletableFuture<TaskResult> bridged = handle.result().thenApply(result -> {
      TaskResult marked = named(result, id());
      ledger.ended(task, id(), marked);
      return marked;
    });
    return new Bridged(handle, bridged);
  }

  /** {@code result} with the worker that ran it named. */
  static TaskResult named(TaskResult result, String worker) {
    Map<String, String> metadata = new HashMap<>(result.metadata());
    metadata.put(WORKER, worker);
    return new TaskResult(result.taskId(), result.status(), result.output(), result.error(), result.latency(),
        result.costUsd(), metadata);
  }

  @Override
  public int currentLoad() {
    return remote.currentLoad();
  }

  @Override
  public int maxLoad() {
    return remote.maxLoad();
  }

  /** Closes the client; tasks still in flight end FAILED and retriable, so they go elsewhere. */
  @Override
  public void close() {
    remote.close();
  }

  private record Bridged(TaskHandle inner, CompletableFuture<TaskResult> result) implements TaskHandle {
    @Override
    public TaskId taskId() {
      return inner.taskId();
    }

    @Override
    public void cancel() {
      inner.cancel();
    }
  }
}
