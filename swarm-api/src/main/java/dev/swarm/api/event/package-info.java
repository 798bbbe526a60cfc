/** Observability: the sealed SwarmEvent family and its listener SPI. */
@NullMarked
package dev.swarm.api.event;

import org.jspecify.annotations.NullMarked;
