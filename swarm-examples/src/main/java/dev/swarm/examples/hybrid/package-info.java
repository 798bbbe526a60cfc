/**
 * The hybrid swarm: an orchestrator routes a mixed workload through TaskMaster to workers, each
 * worker infers through the hybrid engine, and an evaluator checks every answer.
 */
@NullMarked
package dev.swarm.examples.hybrid;

import org.jspecify.annotations.NullMarked;
