package io.aurelius.worldmodel.mechanics;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.config.model.Resolution;
import io.aurelius.worldmodel.seed.Seeds;
import io.aurelius.worldmodel.seed.SplitMix64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DrawsTest {
  private static final List<Draws.Demand> DEMANDS = List.of(new Draws.Demand("ana", 10), new Draws.Demand("bo", 5),
      new Draws.Demand("cai", 2));

  private static Map<String, Number> resolve(double available, Resolution rule, long seed) {
    return Draws.resolve(DEMANDS, available, true, rule, new SplitMix64(seed));
  }

  @Test
  void enoughForEveryoneGivesEveryoneWhatTheyAsked() {
    for (Resolution r : Resolution.values()) {
      assertThat(resolve(17, r, 1)).containsExactly(Map.entry("ana", 10L), Map.entry("bo", 5L), Map.entry("cai", 2L));
    }
  }

  @Test
  void proportionalGivesFloorsThenTheRemainderInASeededOrder() {
    // 11 of 17 asked: floors 6, 3, 1 (10 units), one left over for a seeded agent still short.
    Map<String, Number> g = resolve(11, Resolution.PROPORTIONAL, 1);
    assertThat(g.values().stream().mapToLong(Number::longValue).sum()).isEqualTo(11);
    assertThat(((Long) g.get("ana"))).isBetween(6L, 7L);
    assertThat(((Long) g.get("bo"))).isBetween(3L, 4L);
    assertThat(((Long) g.get("cai"))).isBetween(1L, 2L);
    assertThat(resolve(11, Resolution.PROPORTIONAL, 1)).isEqualTo(g);
    boolean differs = false;
    for (long seed = 2; seed < 20 && !differs; seed++) {
      differs = !resolve(11, Resolution.PROPORTIONAL, seed).equals(g);
    }
    assertThat(differs).as("the remainder goes to different agents under different seeds").isTrue();
  }

  @Test
  void priorityRandomServesInFullInASeededOrder() {
    Map<String, Number> g = resolve(8, Resolution.PRIORITY_RANDOM, 3);
    assertThat(g.values().stream().mapToLong(Number::longValue).sum()).isEqualTo(8);
    long fullyServed = DEMANDS.stream().filter(d -> g.get(d.agent()).doubleValue() == d.amount()).count();
    assertThat(fullyServed).isGreaterThanOrEqualTo(1);
  }

  @Test
  void equalSplitIsWaterFilling() {
    // 9 for demands 10, 5, 2: cai gets its 2, the other 7 split 4/3 (one unit by seed) between ana and bo.
    Map<String, Number> g = resolve(9, Resolution.EQUAL_SPLIT, 4);
    assertThat(g.get("cai")).isEqualTo(2L);
    assertThat(g.get("ana").longValue() + g.get("bo").longValue()).isEqualTo(7);
    assertThat(Math.abs(g.get("ana").longValue() - g.get("bo").longValue())).isEqualTo(1);
    Map<String, Number> real = Draws.resolve(DEMANDS, 9, false, Resolution.EQUAL_SPLIT, Seeds.random(1, "x"));
    assertThat(real.get("cai").doubleValue()).isEqualTo(2.0);
    assertThat(real.get("ana").doubleValue()).isEqualTo(3.5);
    assertThat(real.get("bo").doubleValue()).isEqualTo(3.5);
  }

  @Test
  void negativeDemandsAndNegativeStockCountAsZero() {
    Map<String, Number> g = Draws.resolve(List.of(new Draws.Demand("ana", -4), new Draws.Demand("bo", 3)), -2, true,
        Resolution.PROPORTIONAL, new SplitMix64(1));
    assertThat(g).containsEntry("ana", 0L).containsEntry("bo", 0L);
  }
}
