package dev.swarm.core;

import dev.swarm.api.event.SwarmEvent;
import dev.swarm.api.event.SwarmEventListener;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Fans swarm events out to subscribers without ever making a producer wait. Each subscriber has
 * its own bounded queue and a stated {@link Overflow} policy, and is called on the bus's delivery
 * executor one event at a time, in publish order; a slow subscriber only loses its own events and
 * a throwing one is logged and keeps its subscription.
 *
 * <p>The bus is itself a {@link SwarmEventListener}, so agents and the inference engine publish
 * into it by calling {@link #onEvent} from any thread.
 */
public final class EventBus implements SwarmEventListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);
  private static final int BATCH = 256;

  /** What a subscriber's full queue does with one more event. */
  public enum Overflow {
    /** Keep the queued events and drop the new one. */
    DROP_NEWEST,
    /** Drop the oldest queued event to make room: a dashboard wants the latest state. */
    DROP_OLDEST
  }

  private final Executor delivery;
  private final @Nullable ExecutorService owned;
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  private EventBus(Executor delivery, @Nullable ExecutorService owned) {
    this.delivery = delivery;
    this.owned = owned;
  }

  /** A bus that delivers on virtual threads of its own, stopped when the bus closes. */
  public static EventBus of() {
    ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("swarm-events-", 0).factory());
    return new EventBus(threads, threads);
  }

  /** A bus that delivers on {@code delivery}, which the caller keeps running and stops; tests pass one they run by hand. */
  public static EventBus of(Executor delivery) {
    return new EventBus(Objects.requireNonNull(delivery, "delivery must not be null"), null);
  }

  /** Subscribes with a queue of 1,024 events that drops the oldest when full. */
  public Subscription subscribe(SwarmEventListener subscriber) {
    return subscribe(subscriber, 1024, Overflow.DROP_OLDEST);
  }

  /**
   * Subscribes {@code subscriber} with its own queue of {@code capacity} events.
   *
   * @throws IllegalArgumentException if {@code capacity} is less than one
   * @throws IllegalStateException if the bus is closed
   */
  public Subscription subscribe(SwarmEventListener subscriber, int capacity, Overflow overflow) {
    Objects.requireNonNull(subscriber, "subscriber must not be null");
    Objects.requireNonNull(overflow, "overflow must not be null");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be > 0 but was " + capacity);
    }
    if (closed) {
      throw new IllegalStateException("the event bus is closed; subscribe before closing it");
    }
    Subscriber s = new Subscriber(subscriber, capacity, overflow);
    subscribers.add(s);
    return s;
  }

  /** Publishes {@code event} to every subscriber; never blocks and never throws for a subscriber. */
  @Override
  public void onEvent(SwarmEvent event) {
    Objects.requireNonNull(event, "event must not be null");
    if (closed) {
      return;
    }
    for (Subscriber s : subscribers) {
      s.offer(event);
    }
  }

  /** Stops delivery; events still queued are dropped and later publishes are ignored. */
  @Override
  public void close() {
    closed = true;
    subscribers.forEach(Subscriber::close);
    if (owned != null) {
      // Deliveries in progress finish their current event; queued ones were dropped above.
      owned.shutdown();
    }
  }

  /** One subscriber's place on the bus. */
  public interface Subscription extends AutoCloseable {
    /** Events handed to the subscriber so far, thrown-on ones included. */
    long delivered();

    /** Events dropped because the subscriber's queue was full. */
    long dropped();

    /** Events the subscriber threw on. */
    long failed();

    /** Events waiting in the subscriber's queue. */
    int queued();

    /** Unsubscribes; queued events are dropped. Idempotent. */
    @Override
    void close();
  }

  private final class Subscriber implements Subscription {
    private final SwarmEventListener listener;
    private final ArrayBlockingQueue<SwarmEvent> queue;
    private final Overflow overflow;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private volatile boolean active = true;

    Subscriber(SwarmEventListener listener, int capacity, Overflow overflow) {
      this.listener = listener;
      this.queue = new ArrayBlockingQueue<>(capacity);
      this.overflow = overflow;
    }

    void offer(SwarmEvent event) {
      if (!active) {
        return;
      }
      if (!queue.offer(event)) {
        dropped.increment();
        if (overflow == Overflow.DROP_OLDEST) {
          while (!queue.offer(event)) {
            queue.poll();
          }
        }
      }
      schedule();
    }

    private void schedule() {
      if (scheduled.compareAndSet(false, true)) {
        try {
          delivery.execute(this::drain);
        } catch (RejectedExecutionException e) {
          scheduled.set(false);
          LOG.warn("Event delivery executor refused work; events for {} stay queued. Keep the executor running while the bus is open",
              listener, e);
        }
      }
    }

    private void drain() {
      try {
        for (int i = 0; i < BATCH && active; i++) {
          SwarmEvent event = queue.poll();
          if (event == null) {
            break;
          }
          deliver(event);
        }
      } finally {
        scheduled.set(false);
      }
      // Events published while this batch ran (or past the batch size) need another turn.
      if (active && !queue.isEmpty()) {
        schedule();
      }
    }

    private void deliver(SwarmEvent event) {
      String previous = MDC.get("correlationId");
      MDC.put("correlationId", event.correlationId());
      try {
        listener.onEvent(event);
      } catch (RuntimeException e) {
        failed.increment();
        if (failed.sum() == 1) {
          LOG.warn("Event subscriber {} threw on {}; it stays subscribed. Catch errors inside the subscriber", listener,
              event.getClass().getSimpleName(), e);
        } else {
          LOG.debug("Event subscriber {} threw again", listener, e);
        }
      } finally {
        delivered.increment();
        if (previous == null) {
          MDC.remove("correlationId");
        } else {
          MDC.put("correlationId", previous);
        }
      }
    }

    @Override
    public long delivered() {
      return delivered.sum();
    }

    @Override
    public long dropped() {
      return dropped.sum();
    }

    @Override
    public long failed() {
      return failed.sum();
    }

    @Override
    public int queued() {
      return queue.size();
    }

    @Override
    public void close() {
      active = false;
      subscribers.remove(this);
      queue.clear();
    }
  }
}
