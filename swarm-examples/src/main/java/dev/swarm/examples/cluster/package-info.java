/**
 * The hybrid swarm across processes: {@link dev.swarm.examples.cluster.ClusterWorker} serves hybrid
 * workers over A2A and joins an orchestrator; {@link dev.swarm.examples.cluster.ClusterOrchestrator}
 * admits workers through discovery, runs the workload on them and re-dispatches the tasks of a
 * worker that dies; {@link dev.swarm.examples.cluster.LocalCluster} starts both as child JVMs on
 * loopback. Every run ends with a {@link dev.swarm.examples.cluster.ClusterReport} that accounts
 * for each task once.
 */
@NullMarked
package dev.swarm.examples.cluster;

import org.jspecify.annotations.NullMarked;
