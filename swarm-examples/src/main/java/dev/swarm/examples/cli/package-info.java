/** The {@code swarm} command line: JSON Lines in, JSON Lines out, one output line per input line. */
@NullMarked
package dev.swarm.examples.cli;

import org.jspecify.annotations.NullMarked;
