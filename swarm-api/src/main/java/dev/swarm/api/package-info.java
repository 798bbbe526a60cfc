/**
 * Tasks, agents and errors: what a host submits, who works on it, and how it ends.
 *
 * <p>Local and remote agents share the {@link dev.swarm.api.Agent} interface, so an orchestrator
 * never needs to know which of its workers run in other processes.
 */
@NullMarked
package dev.swarm.api;

import org.jspecify.annotations.NullMarked;
