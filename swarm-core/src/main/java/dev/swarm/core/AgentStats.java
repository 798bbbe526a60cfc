package dev.swarm.core;

import java.time.Duration;
import java.util.Objects;

/**
 * What an agent has done since it started.
 *
 * @param completed tasks that completed
 * @param failed tasks that failed, deadlines included
 * @param canceled tasks that were canceled
 * @param rejected tasks refused because the agent was at its limit
 * @param meanLatency mean wall time of the finished tasks; zero before the first
 * @param costUsd model spend of the agent's own calls, in US dollars
 */
public record AgentStats(long completed, long failed, long canceled, long rejected, Duration meanLatency, double costUsd) {
  /** Validates. */
  public AgentStats {
    Objects.requireNonNull(meanLatency, "meanLatency must not be null");
  }
}
