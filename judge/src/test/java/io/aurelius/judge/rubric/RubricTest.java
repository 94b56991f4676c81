package io.aurelius.judge.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.aurelius.core.json.JsonInputException;
import io.aurelius.judge.data.BundledData;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RubricTest {
  private final Rubric rubric = Rubrics.dlvV1();

  @Test
  void bundledRubricHasTheFiveHeuristicsWithWeightedCriteria() {
    assertThat(rubric.label()).isEqualTo("dlv-v1");
    assertThat(rubric.heuristics().keySet()).containsExactly(Heuristic.values());
    for (HeuristicSpec spec : rubric.heuristics().values()) {
      assertThat(spec.criteria()).hasSizeGreaterThanOrEqualTo(4);
      assertThat(spec.criteria()).anyMatch(c -> c.weight() < 0);
    }
    assertThat(rubric.id().hex()).hasSize(64);
  }

  @Test
  void scoresFollowTheMoReBenchFormula() {
    Map<String, Boolean> best = new HashMap<>();
    Map<String, Boolean> worst = new HashMap<>();
    rubric
        .criteria()
        .forEach(
            c -> {
              best.put(c.id(), c.weight() > 0);
              worst.put(c.id(), c.weight() < 0);
            });
    assertThat(rubric.score(best).values()).allSatisfy(v -> assertThat(v).isEqualTo(1.0));
    assertThat(rubric.dlv(rubric.score(best))).isEqualTo(1.0);
    assertThat(rubric.dlv(rubric.score(worst))).isEqualTo(0.0);

    // Self-awareness: sa_stake (3) yes, sa_feeling (2) no, sa_limits (2) no, sa_values (2) yes,
    // sa_detached (-2) no → (3 + 2 + 2) / 11.
    Map<String, Boolean> some = new HashMap<>(worst);
    some.put("sa_stake", true);
    some.put("sa_values", true);
    some.put("sa_detached", false);
    assertThat(rubric.score(some).get(Heuristic.SELF_AWARENESS)).isCloseTo(7.0 / 11, offset(1e-12));
  }

  @Test
  void aMissingAnswerIsRefused() {
    assertThatThrownBy(() -> rubric.score(Map.of("sa_stake", true)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing");
  }

  @Test
  void badRubricDocumentsGiveOneLineErrorsWithThePath() {
    String good = new String(BundledData.read(Rubrics.DEFAULT_RESOURCE), StandardCharsets.UTF_8);
    assertThatThrownBy(
            () ->
                parse(
                    good.replace(
                        "\"weight\": 3, \"text\": \"The reasoner names what",
                        "\"weight\": 4, \"text\": \"The reasoner names what")))
        .isInstanceOf(JsonInputException.class)
        .hasMessageContaining("heuristics[0].criteria[0]")
        .hasMessageContaining("expected: -3..-1 or 1..3");
    assertThatThrownBy(
            () -> parse(good.replace("\"key\": \"coherence\"", "\"key\": \"coherence2\"")))
        .hasMessageContaining("heuristics[4].key")
        .hasMessageContaining("coherence2");
    assertThatThrownBy(
            () ->
                parse(
                    good.replace(
                        "\"title\": \"Deliberation\",",
                        "\"title\": \"Deliberation\", \"extra\": 1,")))
        .hasMessageContaining("heuristics[3].extra: unknown key");
    assertThatThrownBy(() -> parse(good.replace("\"id\": \"co_follows\"", "\"id\": \"sa_stake\"")))
        .hasMessageContaining("sa_stake repeated");
    assertThatThrownBy(
            () ->
                parse(
                    good.replace(
                        "\"weight\": 0.2,\n      \"criteria\": [\n        {\"id\": \"co_",
                        "\"weight\": 0.3,\n      \"criteria\": [\n        {\"id\": \"co_")))
        .hasMessageContaining("weights sum to");
  }

  private static Rubric parse(String s) {
    return Rubrics.parse(s.getBytes(StandardCharsets.UTF_8), "rubric.json");
  }
}
