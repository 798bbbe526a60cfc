/** Offline demo models and the demo's report: deterministic, priced and timed like real tiers. */
@NullMarked
package dev.swarm.examples.demo;

import org.jspecify.annotations.NullMarked;
