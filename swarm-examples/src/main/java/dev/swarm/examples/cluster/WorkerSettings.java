package dev.swarm.examples.cluster;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link ClusterWorker} runs: whom it joins, where it listens, how many hybrid workers it
 * holds, and how fast its offline demo models answer.
 *
 * @param join the orchestrator's membership endpoint, e.g. {@code http://127.0.0.1:7070}
 * @param id the worker's id in the swarm; unique among the orchestrator's workers
 * @param host the address the A2A server binds
 * @param advertiseHost the address the orchestrator reaches this worker at; must be concrete
 * @param port the port the A2A server binds; 0 picks a free one
 * @param token the shared cluster secret: required on this worker's A2A calls and sent when
 *     joining, or null for none
 * @param workers how many hybrid workers this process runs
 * @param concurrency how many tasks each hybrid worker runs at once; the rest wait in its queue
 * @param timeScale how fast the demo models answer relative to real ones (0 answers at once)
 * @param smallFailurePercent share of prompts the demo small model fails, to exercise fallback
 * @param heartbeat how often the worker beats; match the orchestrator's setting
 * @param joinTimeout how long to keep trying to join before giving up
 */
public record WorkerSettings(
    URI join,
    String id,
    String host,
    String advertiseHost,
    int port,
    @Nullable String token,
    int workers,
    int concurrency,
    double timeScale,
    int smallFailurePercent,
    Duration heartbeat,
    Duration joinTimeout) {

  /** Validates; every message names the setting and echoes the value. */
  public WorkerSettings {
    Settings.httpUrl(join, "join");
    Settings.text(id, "id");
    Settings.text(host, "host");
    Settings.text(advertiseHost, "advertise-host");
    if (advertiseHost.equals("0.0.0.0") || advertiseHost.equals("::") || advertiseHost.equals("[::]")) {
      throw new IllegalArgumentException("advertise-host must be an address the orchestrator can reach, not the "
          + "wildcard " + advertiseHost + "; pass --advertise-host with this machine's address");
    }
    Settings.port(port, "port");
    if (token != null) {
      Settings.text(token, "token");
    }
    Settings.atLeastOne(workers, "workers");
    Settings.atLeastOne(concurrency, "concurrency");
    Settings.timeScale(timeScale);
    if (smallFailurePercent < 0 || smallFailurePercent > 100) {
      throw new IllegalArgumentException("small-failure-percent must be in [0, 100] but was " + smallFailurePercent);
    }
    Settings.positive(heartbeat, "heartbeat");
    Settings.positive(joinTimeout, "join-timeout");
  }

  /** The URL of this worker's Agent Card, as the orchestrator reaches it once bound to {@code boundPort}. */
  URI cardUrl(int boundPort) {
    String host = advertiseHost.contains(":") && !advertiseHost.startsWith("[") ? "[" + advertiseHost + "]" : advertiseHost;
    return URI.create("http://" + host.toLowerCase(Locale.ROOT) + ":" + boundPort + "/.well-known/agent-card.json");
  }

  /** Parses a {@code --join} argument, naming it in the error. */
  public static URI joinUrl(String text) {
    Objects.requireNonNull(text, "join must not be null");
    try {
      return Settings.httpUrl(new URI(text.strip()), "join");
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("join must be an http URL such as http://127.0.0.1:7070 but was '" + text
          + "': " + e.getReason());
    }
  }
}
