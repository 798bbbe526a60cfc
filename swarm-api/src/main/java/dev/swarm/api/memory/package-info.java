/** Shared context: the Memory SPI that agents use to store and retrieve text by context. */
@NullMarked
package dev.swarm.api.memory;

import org.jspecify.annotations.NullMarked;
