package dev.swarm.examples.hybrid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarm.api.SwarmConfig;
import dev.swarm.api.TaskStatus;
import dev.swarm.examples.models.ModelTiers;
import dev.swarm.inference.InferenceStats;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HybridSwarmTest {
  @Test
  void run_mixedWorkload_splitsTiersFallsBackAndEscalates() {
    AtomicInteger heard = new AtomicInteger();
    try (HybridSwarm swarm = HybridSwarm.start(ModelTiers.offline(0.01, 10), SwarmConfig.defaults(), List.of())) {
      HybridSwarm.Run run = swarm.run(Workload.take(100), r -> heard.incrementAndGet());
      InferenceStats stats = swarm.engineStats();
      System.out.printf("hybrid: %s%n escalations=%d passed=%d failed=%d%n", stats, run.evaluatorEscalations(),
          run.verdictsPassed(), run.verdictsFailed());

      assertThat(run.results()).hasSize(100).allSatisfy(r -> assertThat(r.status()).isEqualTo(TaskStatus.COMPLETED));
      assertThat(heard).hasValue(100);
      assertThat(stats.smallRequests()).isPositive();
      assertThat(stats.largeRequests()).isPositive();
      assertThat(stats.smallShare()).isBetween(0.4, 0.9);
      assertThat(stats.fallbacks()).isPositive();
      assertThat(stats.escalations()).isPositive();
      assertThat(run.evaluatorEscalations()).isPositive();
      assertThat(run.verdictsPassed()).isEqualTo(100);
      assertThat(stats.totalCostUsd()).isLessThan(stats.largeOnlyCostUsd());
    }
  }
}
