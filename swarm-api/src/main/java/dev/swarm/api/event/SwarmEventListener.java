package dev.swarm.api.event;

/**
 * Receives swarm events. Components that produce events (agents, the inference engine) take one
 * of these as their sink; the core event bus is one too, and fans events out to its subscribers.
 *
 * <p>Threading: a producer calls it on its own thread, so an implementation used as a sink must
 * return at once and never block (the event bus queues and delivers on its own threads). A
 * subscriber of the event bus is called on the bus's delivery thread, one event at a time.
 */
@FunctionalInterface
public interface SwarmEventListener {
  /** A listener that drops every event. */
  SwarmEventListener NONE = event -> {};

  /** Receives one event. */
  void onEvent(SwarmEvent event);
}
