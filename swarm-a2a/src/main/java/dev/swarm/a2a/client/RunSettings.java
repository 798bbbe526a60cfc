package dev.swarm.a2a.client;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/** What every task run of one RemoteAgent shares: the binding and the retry and timeout policy. */
record RunSettings(
    Transport transport,
    boolean streaming,
    @Nullable String tenant,
    int maxRetries,
    Duration retryBackoff,
    Duration timeout,
    Executor executor,
    Clock clock) {}
