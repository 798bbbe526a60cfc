/**
 * The swarm runtime: {@link dev.swarm.core.BaseAgent} for writing agents, {@link
 * dev.swarm.core.ExecutorPool} for running their work, {@link dev.swarm.core.Swarm} for wiring
 * orchestrators, workers and evaluators together, plans of subtasks, the event bus and an
 * in-memory task store.
 */
@NullMarked
package dev.swarm.core;

import org.jspecify.annotations.NullMarked;
