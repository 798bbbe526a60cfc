/**
 * The A2A 1.0 client: {@link dev.swarm.a2a.client.RemoteAgent} makes an agent in another process,
 * written with any A2A SDK, look like a local {@link dev.swarm.api.Agent}.
 *
 * <p>It speaks JSON-RPC 2.0 over pooled keep-alive HTTP (with SSE for streams) or over one
 * persistent WebSocket, and turns every A2A error code into a typed {@link
 * dev.swarm.a2a.client.A2aFailure}.
 */
@NullMarked
package dev.swarm.a2a.client;

import org.jspecify.annotations.NullMarked;
