package dev.swarm.a2a.server;

import java.time.Duration;

/**
 * The hardening limits one server runs with; validated by {@link A2aServer.Builder}.
 *
 * @param maxRequestBytes largest request body or WebSocket message
 * @param maxJsonDepth deepest JSON nesting accepted
 * @param maxStringLength longest JSON string accepted
 * @param maxConnections most open connections; more are closed at once
 * @param idleTimeout a connection with no traffic either way for this long is closed
 * @param requestReadTimeout a request must arrive completely within this time of its first byte
 * @param blockingTimeout the longest a blocking SendMessage or a CancelTask waits for the task
 * @param keepAliveInterval how often an idle SSE stream gets a comment line
 * @param shutdownGracePeriod how long close() lets in-flight requests finish
 */
record Limits(
    int maxRequestBytes,
    int maxJsonDepth,
    int maxStringLength,
    int maxConnections,
    Duration idleTimeout,
    Duration requestReadTimeout,
    Duration blockingTimeout,
    Duration keepAliveInterval,
    Duration shutdownGracePeriod) {}
