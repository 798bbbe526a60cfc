/**
 * The two example systems (research swarm, hybrid swarm), the offline demo models and the
 * {@code swarm} command line. This is the code users copy from.
 */
@NullMarked
package dev.swarm.examples;

import org.jspecify.annotations.NullMarked;
