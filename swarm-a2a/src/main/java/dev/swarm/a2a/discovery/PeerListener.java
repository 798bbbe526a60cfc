package dev.swarm.a2a.discovery;

/**
 * Hears peers join and leave.
 *
 * <p>Called on the thread that noticed the change (a discovery's check or HTTP handling thread),
 * one event at a time per discovery. Return quickly and do not block; hand slow work, such as
 * building a RemoteAgent, which fetches a card, to an executor.
 */
@FunctionalInterface
public interface PeerListener {
  /** Receives one change. Exceptions are logged and otherwise ignored. */
  void onEvent(PeerEvent event);
}
