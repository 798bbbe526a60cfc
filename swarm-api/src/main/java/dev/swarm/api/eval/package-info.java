/** Quality checks: the Evaluator SPI and its Verdict. */
@NullMarked
package dev.swarm.api.eval;

import org.jspecify.annotations.NullMarked;
