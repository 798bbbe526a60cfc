package dev.swarm.a2a.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers task events to registered webhooks (spec §4.3.3): a POST of the 1.0 StreamResponse with
 * {@code Content-Type: application/a2a+json} and the config's authentication. Each task gets its
 * own {@link Queue}, so one task's events arrive in order while tasks deliver in parallel.
 */
final class PushNotifier {
  private static final Logger LOG = LoggerFactory.getLogger(PushNotifier.class);

  private @Nullable HttpClient http;
  private final Executor executor;
  private final WebhookGuard guard;
  private final Duration timeout;

  PushNotifier(Executor executor, WebhookGuard guard, Duration timeout) {
    this.executor = executor;
    this.guard = guard;
    this.timeout = timeout;
  }

  /** Built on first delivery: most servers never deliver a webhook, and a client costs a TLS setup. */
  private synchronized HttpClient http() {
    if (http == null) {
      // Redirects are not followed: a redirect could lead past the SSRF check.
      http = HttpClient.newBuilder().executor(executor).connectTimeout(timeout)
          .followRedirects(HttpClient.Redirect.NEVER).build();
    }
    return http;
  }

  /** Releases the HTTP client, if one was built; deliveries still queued fail and are logged. */
  synchronized void close() {
    if (http != null) {
      http.shutdownNow();
    }
  }

  WebhookGuard guard() {
    return guard;
  }

  Queue queue() {
    return new Queue();
  }

  /** One task's deliveries, chained so they leave in the order they were enqueued. */
  final class Queue {
    private final SerialQueue serial = new SerialQueue(executor);

    void enqueue(List<PushConfig> configs, ObjectNode event) {
      if (configs.isEmpty()) {
        return;
      }
      byte[] body = event.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      serial.submit(() -> configs.forEach(config -> deliver(config, body)));
    }
  }

  private void deliver(PushConfig config, byte[] body) {
    try {
      // Checked again at delivery: the name may resolve elsewhere now than at registration.
      guard.check(config.url());
      HttpRequest.Builder request = HttpRequest.newBuilder(config.url())
          .timeout(timeout)
          .header("Content-Type", "application/a2a+json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      if (config.scheme() != null) {
        request.header("Authorization", config.credentials() == null ? config.scheme() : config.scheme() + " " + config.credentials());
      }
      if (config.token() != null) {
        request.header("X-A2A-Notification-Token", config.token());
      }
      HttpResponse<Void> response = http().send(request.build(), HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() >= 300) {
        LOG.warn("Webhook {} of task {} answered HTTP {}; the event is dropped. Check the receiver", config.url(), config.taskId(), response.statusCode());
      }
    } catch (RpcError e) {
      LOG.warn("Webhook {} of task {} refused at delivery: {}", config.url(), config.taskId(), e.getMessage());
    } catch (IOException e) {
      LOG.warn("Webhook {} of task {} unreachable ({}); the event is dropped. Check the receiver is up", config.url(), config.taskId(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
