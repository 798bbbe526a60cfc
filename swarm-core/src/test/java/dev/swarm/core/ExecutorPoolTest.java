package dev.swarm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.swarm.api.SwarmConfig;
import dev.swarm.api.SwarmException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class ExecutorPoolTest {
  private final ExecutorPool pool = ExecutorPool.builder().name("t").cpuWorkers(1).cpuQueueCapacity(1).ioConcurrency(2).build();

  @AfterEach
  void tearDown() {
    MDC.clear();
    pool.shutdown(Duration.ofSeconds(5));
  }

  @Test
  void runCpuAndRunIo_returnResultsOnTheirLanes() throws Exception {
    assertThat(pool.runCpu(() -> Thread.currentThread().isVirtual() + " " + Thread.currentThread().getName()).get())
        .startsWith("false t-cpu-");
    assertThat(pool.runIo(() -> Thread.currentThread().isVirtual()).get()).isTrue();
  }

  @Test
  void runCpuAndRunIo_carryTheSubmittersMdc() throws Exception {
    MDC.put("correlationId", "c-1");
    CompletableFuture<String> cpu = pool.runCpu(() -> MDC.get("correlationId"));
    CompletableFuture<String> io = pool.runIo(() -> MDC.get("correlationId"));
    MDC.clear();
    assertThat(cpu.get()).isEqualTo("c-1");
    assertThat(io.get()).isEqualTo("c-1");
    // A pooled thread must not keep a finished task's context.
    assertThat(pool.runCpu(() -> String.valueOf(MDC.get("correlationId"))).get()).isEqualTo("null");
  }

  @Test
  void runIo_pastConcurrencyCap_waitsInTheQueue() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<CompletableFuture<Integer>> futures = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      int n = i;
      futures.add(pool.runIo(() -> {
        release.await();
        return n;
      }));
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> pool.stats().ioActive() == 2 && pool.stats().ioQueued() == 1);
    release.countDown();
    for (CompletableFuture<Integer> f : futures) {
      f.get(10, TimeUnit.SECONDS);
    }
    // Counters settle just after the futures complete.
    await().atMost(Duration.ofSeconds(10)).until(() -> pool.stats().completed() == 3 && pool.stats().ioActive() == 0);
  }

  @Test
  void runCpu_withFullQueue_failsRetriableAndCountsRejection() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Object> busy = pool.runCpu(() -> {
      started.countDown();
      release.await();
      return "done";
    });
    started.await();
    CompletableFuture<Object> queued = pool.runCpu(() -> "queued");
    CompletableFuture<Object> refused = pool.runCpu(() -> "refused");
    assertThatThrownBy(refused::get).isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(SwarmException.Retriable.class)
        .hasMessageContaining("CPU lane of pool 't' is full");
    assertThat(pool.stats().rejected()).isEqualTo(1);
    release.countDown();
    assertThat(busy.get()).isEqualTo("done");
    assertThat(queued.get()).isEqualTo("queued");
  }

  @Test
  void cancel_runningWork_interruptsIt() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    CompletableFuture<Object> work = pool.runIo(() -> {
      started.countDown();
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        interrupted.countDown();
      }
      return null;
    });
    started.await();
    work.cancel(true);
    assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void shutdown_withStuckWork_interruptsAfterGraceAndRefusesMore() throws Exception {
    ExecutorPool own = ExecutorPool.builder().name("own").cpuWorkers(1).build();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    own.runIo(() -> {
      started.countDown();
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        interrupted.countDown();
      }
      return null;
    });
    started.await();
    assertThat(own.shutdown(Duration.ZERO)).isFalse();
    assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    assertThatThrownBy(() -> own.runIo(() -> 1).get()).hasCauseInstanceOf(SwarmException.Retriable.class)
        .hasMessageContaining("shut down");
  }

  @Test
  void shutdown_idle_isClean() {
    ExecutorPool own = ExecutorPool.from(SwarmConfig.builder().maxProcessWorkers(1).maxThreadWorkers(4).build());
    assertThat(own.stats().cpuWorkers()).isEqualTo(1);
    assertThat(own.stats().ioConcurrency()).isEqualTo(4);
    assertThat(own.shutdown(Duration.ofSeconds(5))).isTrue();
  }

  @Test
  void shared_refusesShutdown() {
    assertThatThrownBy(() -> ExecutorPool.shared().shutdown(Duration.ZERO)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("lives as long as the JVM");
  }

  @Test
  void builder_badValues_nameTheSetting() {
    assertThatThrownBy(() -> ExecutorPool.builder().cpuWorkers(0)).hasMessage("MAX_PROCESS_WORKERS must be > 0 but was 0");
    assertThatThrownBy(() -> ExecutorPool.builder().ioConcurrency(-3)).hasMessage("MAX_THREAD_WORKERS must be > 0 but was -3");
  }

  @Test
  void bindTo_registersLaneMeters() throws Exception {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    pool.bindTo(meters);
    pool.runIo(() -> 1).get();
    await().atMost(Duration.ofSeconds(10)).until(() -> meters.get("swarm.pool.completed").functionCounter().count() == 1.0);
    assertThat(meters.get("swarm.pool.active").tag("lane", "io").gauge().value()).isZero();
  }
}
