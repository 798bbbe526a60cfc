package dev.swarm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarm.api.Agent;
import dev.swarm.api.AgentCard;
import dev.swarm.api.AgentRole;
import dev.swarm.api.Task;
import dev.swarm.api.TaskHandle;
import dev.swarm.api.TaskUpdateListener;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentRegistryTest {
  /** An agent with a fixed load that takes no work. */
  private static Agent loaded(String id, AgentRole role, int load, int max, String... skills) {
    AgentCard card = AgentCard.of(id, role, skills);
    return new Agent() {
      @Override
      public AgentCard card() {
        return card;
      }

      @Override
      public TaskHandle submit(Task task, TaskUpdateListener listener) {
        throw new UnsupportedOperationException("not used");
      }

      @Override
      public int currentLoad() {
        return load;
      }

      @Override
      public int maxLoad() {
        return max;
      }
    };
  }

  private final AgentRegistry registry = new AgentRegistry();

  @Test
  void capable_ordersByShareOfCapacityInUse() {
    registry.register(loaded("big-busy", AgentRole.WORKER, 5, 100, "sum"));
    registry.register(loaded("small-busy", AgentRole.WORKER, 2, 4, "sum"));
    registry.register(loaded("idle", AgentRole.WORKER, 0, 1, "sum"));
    registry.register(loaded("other", AgentRole.WORKER, 0, 1, "translate"));
    assertThat(registry.capable("sum")).extracting(Agent::id).containsExactly("idle", "big-busy", "small-busy");
    assertThat(registry.leastLoaded("sum")).map(Agent::id).contains("idle");
    assertThat(registry.leastLoaded("juggle")).isEmpty();
  }

  @Test
  void capable_withoutSkill_isWorkersAndAggregatorsOnly() {
    registry.register(loaded("lead", AgentRole.ORCHESTRATOR, 0, 1, "orchestrate"));
    registry.register(loaded("agg", AgentRole.AGGREGATOR, 1, 2));
    registry.register(loaded("w", AgentRole.WORKER, 0, 2));
    assertThat(registry.capable(null)).extracting(Agent::id).containsExactly("w", "agg");
    assertThat(registry.withRole(AgentRole.ORCHESTRATOR)).extracting(Agent::id).containsExactly("lead");
  }

  @Test
  void unregister_removesFromEveryLookup() {
    registry.register(loaded("w", AgentRole.WORKER, 0, 1, "sum"));
    assertThat(registry.unregister("w")).isTrue();
    assertThat(registry.unregister("w")).isFalse();
    assertThat(registry.find("w")).isEmpty();
    assertThat(registry.withSkill("sum")).isEmpty();
    assertThat(registry.all()).isEmpty();
  }

  @Test
  void register_sameAgentTwice_isHarmlessButAnotherWithItsIdIsNot() {
    Agent w = loaded("w", AgentRole.WORKER, 0, 1, "sum");
    registry.register(w);
    registry.register(w);
    assertThat(registry.all()).hasSize(1);
    assertThatThrownBy(() -> registry.register(loaded("w", AgentRole.WORKER, 0, 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'w' is already registered");
    assertThat(registry.withSkill("sum")).containsExactly(w);
    assertThat(List.of(registry.find("w").orElseThrow())).containsExactly(w);
  }
}
