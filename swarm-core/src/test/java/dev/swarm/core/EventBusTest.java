package dev.swarm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarm.api.TaskId;
import dev.swarm.api.event.SwarmEvent;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class EventBusTest {
  /** Runs delivery only when the test says so. */
  private static final class ManualExecutor implements Executor {
    final Deque<Runnable> pending = new ArrayDeque<>();

    @Override
    public void execute(Runnable command) {
      pending.add(command);
    }

    void runAll() {
      while (!pending.isEmpty()) {
        pending.poll().run();
      }
    }
  }

  private final ManualExecutor delivery = new ManualExecutor();
  private final EventBus bus = EventBus.of(delivery);

  private static SwarmEvent event(int n) {
    return new SwarmEvent.Started(TaskId.of("t" + n), "agent", "corr-" + n, Instant.EPOCH);
  }

  private static List<String> ids(List<SwarmEvent> events) {
    return events.stream().map(e -> ((SwarmEvent.Started) e).taskId().value()).toList();
  }

  @Test
  void publish_toSlowSubscriberWithDropOldest_keepsTheNewest() {
    List<SwarmEvent> seen = new ArrayList<>();
    EventBus.Subscription sub = bus.subscribe(seen::add, 2, EventBus.Overflow.DROP_OLDEST);
    for (int i = 1; i <= 5; i++) {
      bus.onEvent(event(i));
    }
    assertThat(seen).isEmpty();
    assertThat(sub.queued()).isEqualTo(2);
    delivery.runAll();
    assertThat(ids(seen)).containsExactly("t4", "t5");
    assertThat(sub.dropped()).isEqualTo(3);
    assertThat(sub.delivered()).isEqualTo(2);
  }

  @Test
  void publish_toSlowSubscriberWithDropNewest_keepsTheOldest() {
    List<SwarmEvent> seen = new ArrayList<>();
    EventBus.Subscription sub = bus.subscribe(seen::add, 2, EventBus.Overflow.DROP_NEWEST);
    for (int i = 1; i <= 5; i++) {
      bus.onEvent(event(i));
    }
    delivery.runAll();
    assertThat(ids(seen)).containsExactly("t1", "t2");
    assertThat(sub.dropped()).isEqualTo(3);
  }

  @Test
  void publish_withThrowingSubscriber_stillReachesOthersInOrder() {
    List<SwarmEvent> seen = new ArrayList<>();
    EventBus.Subscription bad = bus.subscribe(e -> {
      throw new IllegalStateException("subscriber bug");
    });
    bus.subscribe(seen::add);
    for (int i = 1; i <= 3; i++) {
      bus.onEvent(event(i));
    }
    delivery.runAll();
    assertThat(ids(seen)).containsExactly("t1", "t2", "t3");
    assertThat(bad.failed()).isEqualTo(3);
    bus.onEvent(event(4));
    delivery.runAll();
    assertThat(ids(seen)).endsWith("t4");
  }

  @Test
  void publish_whileSubscriberBlocks_neverWaits() {
    // Delivery never runs here: the subscriber is as slow as it gets, yet publishing returns.
    EventBus.Subscription sub = bus.subscribe(e -> {}, 10, EventBus.Overflow.DROP_OLDEST);
    for (int i = 0; i < 10_000; i++) {
      bus.onEvent(event(i));
    }
    assertThat(sub.queued()).isEqualTo(10);
    assertThat(sub.dropped()).isEqualTo(9_990);
    assertThat(delivery.pending).hasSize(1);
  }

  @Test
  void close_subscription_stopsDelivery() {
    List<SwarmEvent> seen = new ArrayList<>();
    EventBus.Subscription sub = bus.subscribe(seen::add);
    bus.onEvent(event(1));
    sub.close();
    delivery.runAll();
    bus.onEvent(event(2));
    delivery.runAll();
    assertThat(seen).isEmpty();
  }

  @Test
  void subscribe_badCapacityOrClosedBus_isRefused() {
    assertThatThrownBy(() -> bus.subscribe(e -> {}, 0, EventBus.Overflow.DROP_NEWEST))
        .hasMessage("capacity must be > 0 but was 0");
    bus.close();
    assertThatThrownBy(() -> bus.subscribe(e -> {})).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void of_defaultDelivery_deliversOnVirtualThreadsWithTheEventsCorrelationId() {
    try (EventBus real = EventBus.of()) {
      List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
      real.subscribe(e -> seen.add(Thread.currentThread().isVirtual() + " " + org.slf4j.MDC.get("correlationId")));
      real.onEvent(event(1));
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> seen.size() == 1);
      assertThat(seen).containsExactly("true corr-1");
    }
  }
}
