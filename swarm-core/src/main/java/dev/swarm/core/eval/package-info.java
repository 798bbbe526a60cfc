/**
 * Answer quality: stock evaluators (structure, groundedness, judge model) and the
 * evaluator-optimizer loop that revises an answer until it passes or its rounds run out.
 */
@NullMarked
package dev.swarm.core.eval;

import org.jspecify.annotations.NullMarked;
