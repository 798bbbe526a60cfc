package dev.swarm.a2a.client;

import dev.swarm.api.TaskResult;
import dev.swarm.api.SwarmException;
import dev.swarm.api.TaskHandle;
import java.util.Optional;

/**
 * A task running on a remote A2A agent: the swarm handle plus what only a remote task has, the
 * peer's own task id and the typed failure that ended it, if the call (not the agent) failed.
 *
 * <p>The result future completes normally in every case, as {@link TaskHandle} promises; a task
 * that ended because the peer was unreachable, died mid-task or timed out ends FAILED with {@link
 * #failure()} set to a {@link SwarmException.Retriable} and the result metadata entry {@link
 * TaskResult#RETRIABLE} = {@code "true"}, so an orchestrator can dispatch it again.
 */
public interface RemoteTaskHandle extends TaskHandle {
  /** The id the remote agent gave the task, once it has answered. */
  Optional<String> remoteTaskId();

  /**
   * Why the call failed, once the result is complete: an {@link A2aFailure} for a JSON-RPC error,
   * a Retriable exception for an unreachable or vanished peer or a timeout. Empty when the remote
   * agent itself reported the outcome, including its own FAILED.
   */
  Optional<SwarmException> failure();
}
