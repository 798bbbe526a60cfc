/**
 * The hybrid inference engine: model providers over langchain4j {@code ChatModel}s with a tier and
 * a price sheet, and an engine that caches, routes, budgets, calls through Resilience4j, falls back
 * from the small tier to the large one, and accounts for every call.
 */
@NullMarked
package dev.swarm.inference;

import org.jspecify.annotations.NullMarked;
