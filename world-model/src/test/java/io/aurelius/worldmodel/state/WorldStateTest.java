package io.aurelius.worldmodel.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.config.model.ScenarioConfig;
import io.aurelius.config.model.Target;
import io.aurelius.core.json.CanonicalJson;
import org.junit.jupiter.api.Test;

class WorldStateTest {
  private final ScenarioConfig reef = Catalogue.load("oyster_reef_commons").orElseThrow().config();

  @Test
  void theInitialStateHasACanonicalFormAndItsHash() {
    WorldState s = WorldState.initial(reef);
    assertThat(s.step()).isZero();
    assertThat(s.world()).containsEntry("reef", 120L).containsEntry("price", 3L);
    assertThat(s.agent("ines")).containsEntry("coins", 25L);
    assertThat(CanonicalJson.string(s.toJson()))
        .startsWith("{\"agents\":{\"ines\":{\"coins\":25,\"need\":15},")
        .endsWith("\"fired\":[],\"step\":0,\"world\":{\"price\":3,\"reef\":120,\"spat_fall\":6}}");
    assertThat(s.hash()).isEqualTo(CanonicalJson.id(s.toJson()));
    assertThat(WorldState.fromJson(s.toJson(), reef)).isEqualTo(s);
  }

  @Test
  void assignmentsAreClampedOrRefusedAndEveryChangeMovesTheHash() {
    WorldState s = WorldState.initial(reef);
    MutableState m = s.edit(reef);
    assertThat(m.assign(new Target.WorldVar("reef"), "", 250L))
        .isEqualTo(new Assignment.Clamped("world.reef", 250L, 200L));
    assertThat(m.assign(new Target.SelfVar("coins"), "tomas", 7L))
        .isEqualTo(new Assignment.Stored("agents.tomas.coins", 7L));
    assertThat(m.assign(new Target.AgentVar("ines", "need"), "", -3L))
        .isInstanceOf(Assignment.Clamped.class);
    assertThat(m.assign(new Target.WorldVar("price"), "", "cheap"))
        .isInstanceOf(Assignment.Refused.class);
    m.markFired("city_buyer");
    WorldState after = m.snapshot(1);
    assertThat(after.world()).containsEntry("reef", 200L).containsEntry("price", 3L);
    assertThat(after.agent("tomas")).containsEntry("coins", 7L);
    assertThat(after.agent("ines")).containsEntry("need", 0L);
    assertThat(after.fired()).containsExactly("city_buyer");
    assertThat(after.hash()).isNotEqualTo(s.hash());
    assertThat(s.world()).containsEntry("reef", 120L); // snapshots do not change
  }
}
