/** Test fixtures published with the contract tests in the swarm-api test-jar. */
@NullMarked
package dev.swarm.api.testing;

import org.jspecify.annotations.NullMarked;
