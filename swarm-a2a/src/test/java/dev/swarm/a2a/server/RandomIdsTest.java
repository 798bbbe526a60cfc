package dev.swarm.a2a.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class RandomIdsTest {
  private final RandomIds ids = new RandomIds();

  @Test
  void next_isARandomUuidInCanonicalText() {
    for (int i = 0; i < 1_000; i++) {
      String id = ids.next();
      UUID parsed = UUID.fromString(id);
      assertThat(parsed.toString()).isEqualTo(id);
      assertThat(parsed.version()).isEqualTo(4);
      assertThat(parsed.variant()).isEqualTo(2);
    }
  }

  @Test
  void next_acrossManyKeystreamBlocksAndThreads_neverRepeats() throws Exception {
    Set<String> seen = ConcurrentHashMap.newKeySet();
    int threads = 8;
    int each = 20_000;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(Thread.ofPlatform().start(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        for (int i = 0; i < each; i++) {
          seen.add(ids.next());
        }
      }));
    }
    start.countDown();
    for (Thread worker : workers) {
      worker.join();
    }
    assertThat(seen).hasSize(threads * each);
  }

  @Test
  void next_ofTwoGenerators_differs() {
    RandomIds other = new RandomIds();
    Set<String> mine = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      mine.add(ids.next());
    }
    for (int i = 0; i < 1_000; i++) {
      assertThat(mine).doesNotContain(other.next());
    }
  }

  @Test
  void next_spreadsBitsEvenly() {
    // A stuck or zero keystream would show as a skewed hex digit histogram.
    int[] digits = new int[16];
    int n = 10_000;
    for (int i = 0; i < n; i++) {
      String id = ids.next().replace("-", "");
      for (int k = 0; k < id.length(); k++) {
        if (k != 12 && k != 16) {
          digits[Character.digit(id.charAt(k), 16)]++;
        }
      }
    }
    double expected = n * 30 / 16.0;
    for (int count : digits) {
      assertThat((double) count).isBetween(expected * 0.95, expected * 1.05);
    }
  }
}
