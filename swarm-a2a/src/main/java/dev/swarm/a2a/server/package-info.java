/**
 * The A2A 1.0 server: exposes any swarm {@link dev.swarm.api.Agent} to A2A clients over JSON-RPC
 * 2.0 on HTTP (with SSE streaming) and over a WebSocket binding, on Netty.
 *
 * <p>Start one with {@link dev.swarm.a2a.server.A2aServer#builder()}. Everything else in this
 * package is an implementation detail.
 *
 * <h2>The WebSocket binding</h2>
 *
 * Declared on the Agent Card as a custom binding ({@value
 * dev.swarm.a2a.server.A2aServer#WEBSOCKET_BINDING}) at {@code /a2a/ws}. Each text frame from the
 * client is one JSON-RPC request of the 1.0 dialect; each frame from the server is one JSON-RPC
 * response carrying the id of the request it answers, so many calls share one connection.
 * Streaming methods answer with several frames with the same id (the Task first, then updates);
 * the stream ends with the frame whose task or status update carries a terminal or interrupted
 * state, exactly where an SSE stream would close. Authentication happens once,
 * on the upgrade request, with the same headers as HTTP.
 */
@NullMarked
package dev.swarm.a2a.server;

import org.jspecify.annotations.NullMarked;
