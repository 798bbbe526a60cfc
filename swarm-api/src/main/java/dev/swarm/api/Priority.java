package dev.swarm.api;

/** How urgently a task should be picked up when agents are busy; higher runs first. */
public enum Priority {
  /** Background work. */
  LOW,
  /** The default. */
  NORMAL,
  /** Ahead of normal work. */
  HIGH,
  /** Ahead of everything else. */
  CRITICAL
}
