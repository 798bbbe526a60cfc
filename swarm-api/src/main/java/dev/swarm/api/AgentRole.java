package dev.swarm.api;

/** The part an agent plays in a swarm; the runtime uses it for discovery and dashboards. */
public enum AgentRole {
  /** Takes a task in, plans it and drives its subtasks to an answer. */
  ORCHESTRATOR,
  /** Splits a task into a plan of subtasks. */
  PLANNER,
  /** Works on subtasks. */
  WORKER,
  /** Works on subtasks with the whole task's context and merges partial results. */
  AGGREGATOR,
  /** Writes the final answer from the subtasks' results. */
  SYNTHESIZER,
  /** Checks answers and asks for revisions. */
  EVALUATOR
}
