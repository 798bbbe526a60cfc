/**
 * Finding A2A peers and knowing which are alive: the {@link dev.swarm.a2a.discovery.PeerDiscovery}
 * SPI a host can back with DNS, Kubernetes or Consul; {@link dev.swarm.a2a.discovery.StaticPeers}
 * for fixed seeds; and {@link dev.swarm.a2a.discovery.Membership}, the registry an orchestrator
 * runs, which workers join and heartbeat over HTTP ({@link
 * dev.swarm.a2a.discovery.MembershipServer}, {@link dev.swarm.a2a.discovery.Heartbeat}) and which
 * health-checks every peer, evicting the dead and re-admitting them when they recover.
 */
@NullMarked
package dev.swarm.a2a.discovery;

import org.jspecify.annotations.NullMarked;
