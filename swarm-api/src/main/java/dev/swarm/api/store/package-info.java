/** Task persistence: the TaskStore SPI with queries and pages. */
@NullMarked
package dev.swarm.api.store;

import org.jspecify.annotations.NullMarked;
