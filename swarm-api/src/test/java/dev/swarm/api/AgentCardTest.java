package dev.swarm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentCardTest {
  @Test
  void of_buildsSkillsById() {
    AgentCard card = AgentCard.of("w1", AgentRole.WORKER, "summarise", "extract");
    assertThat(card.hasSkill("summarise")).isTrue();
    assertThat(card.hasSkill("translate")).isFalse();
    assertThat(card.url()).isNull();
  }

  @Test
  void constructor_blankId_isRejectedNamingAgentId() {
    assertThatThrownBy(() -> AgentCard.of(" ", AgentRole.WORKER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("agent id");
  }

  @Test
  void skills_areAnImmutableCopy() {
    List<AgentSkill> skills = new ArrayList<>(List.of(AgentSkill.of("a")));
    AgentCard card = new AgentCard("w", "w", "", "1.0", AgentRole.WORKER, skills, null);
    skills.add(AgentSkill.of("b"));
    assertThat(card.skills()).hasSize(1);
  }

  @Test
  void skill_nullTags_isNpeNamingTags() {
    assertThatThrownBy(() -> new AgentSkill("a", "a", "", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("skill tags");
  }
}
