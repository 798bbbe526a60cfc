/**
 * Three short examples to copy: a custom {@code BaseAgent} worker, a swarm wired with an
 * orchestrator, workers and an evaluator, and an agent served over A2A and called as a
 * {@code RemoteAgent}. Each runs with {@code main} on the offline demo models, or on real models
 * when the environment configures them.
 */
@NullMarked
package dev.swarm.examples.quickstart;

import org.jspecify.annotations.NullMarked;
