package io.aurelius.worldmodel.mechanics;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.config.model.Resolution;
import io.aurelius.worldmodel.seed.Seeds;
import io.aurelius.worldmodel.seed.SplitMix64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DrawsTest {
  private static final List<Draws.Demand> DEMANDS =
      List.of(new Draws.Demand("ana", 10), new Draws.Demand("bo", 5), new Draws.Demand("cai", 2));

  private static Map<String, Number> resolve(double available, Resolution rule, long seed) {
    return Draws.resolve(DEMANDS, available, true, rule, new SplitMix64(seed));
  }

  @Test
  void enoughForEveryoneGivesEveryoneWhatTheyAsked() {
    for (Resolution r : Resolution.values()) {
      assertThat(resolve(17, r, 1))
          .containsExactly(Map.entry("ana", 10L), Map.entry("bo", 5L), Map.entry("cai", 2L));
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
    long fullyServed =
        DEMANDS.stream().filter(d -> g.get(d.agent()).doubleValue() == d.amount()).count();
    assertThat(fullyServed).isGreaterThanOrEqualTo(1);
  }

  @Test
  void equalSplitIsWaterFilling() {
    // 9 for demands 10, 5, 2: cai gets its 2, the other 7 split 4/3 (one unit by seed) between ana
    // and bo.
    Map<String, Number> g = resolve(9, Resolution.EQUAL_SPLIT, 4);
    assertThat(g.get("cai")).isEqualTo(2L);
    assertThat(g.get("ana").longValue() + g.get("bo").longValue()).isEqualTo(7);
    assertThat(Math.abs(g.get("ana").longValue() - g.get("bo").longValue())).isEqualTo(1);
    Map<String, Number> real =
        Draws.resolve(DEMANDS, 9, false, Resolution.EQUAL_SPLIT, Seeds.random(1, "x"));
    assertThat(real.get("cai").doubleValue()).isEqualTo(2.0);
    assertThat(real.get("ana").doubleValue()).isEqualTo(3.5);
    assertThat(real.get("bo").doubleValue()).isEqualTo(3.5);
  }

  @Test
  void negativeDemandsAndNegativeStockCountAsZero() {
    Map<String, Number> g =
        Draws.resolve(
            List.of(new Draws.Demand("ana", -4), new Draws.Demand("bo", 3)),
            -2,
            true,
            Resolution.PROPORTIONAL,
            new SplitMix64(1));
    assertThat(g).containsEntry("ana", 0L).containsEntry("bo", 0L);
  }

  private static List<Long> granted(
      List<Draws.Demand> demands, double available, Resolution rule, long seed) {
    return Draws.resolve(demands, available, true, rule, new SplitMix64(seed)).values().stream()
        .map(Number::longValue)
        .toList();
  }

  private static List<Draws.Demand> demands(double... amounts) {
    List<Draws.Demand> out = new java.util.ArrayList<>();
    for (int i = 0; i < amounts.length; i++) {
      out.add(new Draws.Demand("a" + i, amounts[i]));
    }
    return out;
  }

  @Test
  void anExactFitIsGrantedInFullUnderEveryRule() {
    for (Resolution r : Resolution.values()) {
      assertThat(granted(demands(4, 6), 10, r, 1)).as(r.json()).containsExactly(4L, 6L);
      assertThat(Draws.resolve(demands(0.25, 0.5), 0.75, false, r, new SplitMix64(1)))
          .containsExactly(Map.entry("a0", 0.25), Map.entry("a1", 0.5));
    }
  }

  @Test
  void proportionalLeftoversGoOneUnitEachInTheSeededOrder() {
    for (long seed = 1; seed <= 20; seed++) {
      // Floors 3, 3, 3; two units left for two of the three agents, never both to one.
      List<Long> g = granted(demands(10, 10, 10), 11, Resolution.PROPORTIONAL, seed);
      assertThat(g).containsExactlyInAnyOrder(4L, 4L, 3L);
      // Floors 0, 0, 4 of (1, 1, 10) on 5: the one unit left goes to an agent still short.
      List<Long> h = granted(demands(1, 1, 10), 5, Resolution.PROPORTIONAL, seed);
      assertThat(h.stream().mapToLong(Long::longValue).sum()).isEqualTo(5);
      assertThat(h.get(2)).isBetween(4L, 5L);
      assertThat(h.get(0)).isBetween(0L, 1L);
    }
  }

  @Test
  void priorityRandomServesWholeDemandsInTheSeededOrder() {
    java.util.Set<List<Long>> seen = new java.util.HashSet<>();
    for (long seed = 1; seed <= 30; seed++) {
      List<Long> g = granted(demands(4, 4, 4), 10, Resolution.PRIORITY_RANDOM, seed);
      assertThat(g).containsExactlyInAnyOrder(4L, 4L, 2L);
      seen.add(g);
      List<Long> all = granted(demands(10, 10, 10), 10, Resolution.PRIORITY_RANDOM, seed);
      assertThat(all).containsExactlyInAnyOrder(10L, 0L, 0L);
    }
    assertThat(seen).as("each agent is sometimes the one served last").hasSize(3);
    Map<String, Number> real =
        Draws.resolve(demands(4, 4, 4), 10, false, Resolution.PRIORITY_RANDOM, new SplitMix64(1));
    assertThat(real.values().stream().map(Number::doubleValue).toList())
        .containsExactlyInAnyOrder(4.0, 4.0, 2.0);
  }

  @Test
  void equalSplitCapsEachShareAtItsDemandAndRedistributesTheRest() {
    for (long seed = 1; seed <= 10; seed++) {
      // 16 for (1, 6, 20): shares of 5 (1 capped), then 2 each (6 capped), then 2 to the last.
      assertThat(granted(demands(1, 6, 20), 16, Resolution.EQUAL_SPLIT, seed))
          .containsExactly(1L, 6L, 9L);
      // 11 for (10, 10, 10): 3 each, then the 2 left one at a time.
      assertThat(granted(demands(10, 10, 10), 11, Resolution.EQUAL_SPLIT, seed))
          .containsExactlyInAnyOrder(4L, 4L, 3L);
      // 8 for (1, 10, 10): 1, 2, 2; then 1 more each; the last unit to one of the two.
      List<Long> g = granted(demands(1, 10, 10), 8, Resolution.EQUAL_SPLIT, seed);
      assertThat(g.get(0)).isEqualTo(1L);
      assertThat(g.subList(1, 3)).containsExactlyInAnyOrder(3L, 4L);
    }
    Map<String, Number> real =
        Draws.resolve(demands(1, 6, 20), 16, false, Resolution.EQUAL_SPLIT, new SplitMix64(1));
    assertThat(real)
        .containsExactly(Map.entry("a0", 1.0), Map.entry("a1", 6.0), Map.entry("a2", 9.0));
  }

  @Test
  void proportionalOnADoubleIsExact() {
    Map<String, Number> g =
        Draws.resolve(demands(6, 2), 4, false, Resolution.PROPORTIONAL, new SplitMix64(1));
    assertThat(g).containsExactly(Map.entry("a0", 3.0), Map.entry("a1", 1.0));
    Map<String, Number> neg =
        Draws.resolve(demands(-1, 2), 1, false, Resolution.PROPORTIONAL, new SplitMix64(1));
    assertThat(neg).containsExactly(Map.entry("a0", 0.0), Map.entry("a1", 1.0));
  }

  @Test
  void anAgentNamedTwiceGetsTheSumOfItsGrants() {
    List<Draws.Demand> twice =
        List.of(new Draws.Demand("ana", 2), new Draws.Demand("ana", 3), new Draws.Demand("bo", 1));
    assertThat(Draws.resolve(twice, 10, true, Resolution.PROPORTIONAL, new SplitMix64(1)))
        .containsExactly(Map.entry("ana", 5L), Map.entry("bo", 1L));
    assertThat(Draws.resolve(twice, 10, false, Resolution.PROPORTIONAL, new SplitMix64(1)))
        .containsExactly(Map.entry("ana", 5.0), Map.entry("bo", 1.0));
  }

  @Test
  void hugeDemandsNeverGrantMoreThanIsAvailable() {
    for (Resolution r : Resolution.values()) {
      List<Long> g = granted(demands(9e18, 9e18), 10, r, 1);
      assertThat(g.stream().mapToLong(Long::longValue).sum()).as(r.json()).isEqualTo(10);
      assertThat(g).as(r.json()).allSatisfy(x -> assertThat(x).isBetween(0L, 10L));
    }
    assertThat(granted(demands(9e18, 9e18), 10, Resolution.PROPORTIONAL, 1))
        .containsExactly(5L, 5L);
  }

  @Test
  void equalSplitOfFewerUnitsThanAgentsGivesOneUnitEachInTheSeededOrder() {
    java.util.Set<List<Long>> seen = new java.util.HashSet<>();
    for (long seed = 1; seed <= 30; seed++) {
      List<Long> g = granted(demands(10, 10, 10), 2, Resolution.EQUAL_SPLIT, seed);
      assertThat(g).containsExactlyInAnyOrder(1L, 1L, 0L);
      seen.add(g);
    }
    assertThat(seen).hasSize(3);
  }

  @Test
  void anExactFitOfDoublesIsGrantedExactlyAsAsked() {
    // a + b as available: shares of it computed as available * d / total would come back off by a
    // rounding.
    double a = 0.8357651039198697;
    double b = 0.43276706790505337;
    for (Resolution r : Resolution.values()) {
      assertThat(Draws.resolve(demands(a, b), a + b, false, r, new SplitMix64(1)))
          .containsExactly(Map.entry("a0", a), Map.entry("a1", b));
    }
  }
}
