/**
 * The research swarm: a large model plans, aggregators work the subtasks in parallel over shared
 * vector memory, a large model synthesises, and the evaluator loop checks and revises the answer.
 */
@NullMarked
package dev.swarm.examples.research;

import org.jspecify.annotations.NullMarked;
