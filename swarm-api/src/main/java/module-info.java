/**
 * The shared vocabulary of swarm: task and agent records, inference requests and results, sealed
 * events, and the SPIs (memory, response cache, evaluator, task store, classifier, inference
 * engine) that the implementation modules provide and a host wires together.
 *
 * <p>This module has no runtime dependencies, so every other module, and every host, can depend on
 * it without dragging anything in.
 */
module dev.swarm.api {
  requires static transitive org.jspecify;

  exports dev.swarm.api;
  exports dev.swarm.api.inference;
  exports dev.swarm.api.memory;
  exports dev.swarm.api.eval;
  exports dev.swarm.api.event;
  exports dev.swarm.api.store;
}
