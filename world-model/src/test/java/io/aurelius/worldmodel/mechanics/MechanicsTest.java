package io.aurelius.worldmodel.mechanics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.config.CompiledConfig;
import io.aurelius.config.ConfigLoader;
import io.aurelius.config.cel.Bindings;
import io.aurelius.config.model.Action;
import io.aurelius.config.model.Expression;
import io.aurelius.config.model.Template;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-step evaluator: values, recorded failures, and the budget. */
class MechanicsTest {
  private static final CompiledConfig CONFIG =
      ConfigLoader.load(
          """
      {"format": "aurelius.config/1", "name": "mechanics_test", "title": "Mechanics",
       "labels": {"tension_archetype": "rules", "domain": "tests"},
       "world": {"state": {"x": {"type": "int", "initial": 0, "min": 0, "max": 100}}},
       "agents": [{"name": "ana", "identity": "I am Ana and I live here.", "goal": "I want to live well."}],
       "actions": [{"name": "act", "actors": ["*"], "precondition": "10 / world.x > 1",
                    "effects": [{"set": "world.x", "to": "world.x + 1"}],
                    "narration": {"immersive": "Ana acts at {{ world.x }}.", "control": "plain text"},
                    "visibility": "all"}],
       "termination": {"max_steps": 1}, "memory_window": 1,
       "framings": {"immersive": {"premise": "A village."}, "control": {"premise": "A game."}}}
      """
              .getBytes(StandardCharsets.UTF_8),
          "mechanics test");
  private static final Action ACT = CONFIG.config().actions().get(0);
  private static final Expression PRECONDITION = ACT.precondition().orElseThrow();
  private static final Expression EFFECT = ACT.effects().get(0).to();
  private static final Template NARRATION =
      ACT.narration().get(io.aurelius.config.model.Framing.IMMERSIVE);
  private static final Template PLAIN =
      ACT.narration().get(io.aurelius.config.model.Framing.CONTROL);

  private static Bindings x(long value) {
    return Bindings.builder()
        .world(Map.of("x", value))
        .agents(Map.of("ana", Map.of()))
        .step(1)
        .phase("")
        .names(Map.of("ana", "Ana"))
        .build();
  }

  private static Mechanics mechanics(StepBudget budget) {
    return Mechanics.forStep(CONFIG, budget, Mechanics.templateCache());
  }

  @Test
  void evaluatesAndRendersAndRecordsFailuresWithTheirPath() {
    Mechanics m = mechanics(StepBudget.DEFAULT);
    assertThat(m.evaluate(EFFECT, x(4))).contains(5L);
    assertThat(m.test(PRECONDITION, x(4), false)).isTrue();
    assertThat(m.test(PRECONDITION, x(20), true)).isFalse();
    assertThat(m.render(NARRATION, x(3))).contains("Ana acts at 3.");
    assertThat(m.failures()).isEmpty();
    assertThat(m.test(PRECONDITION, x(0), true))
        .as("a failure counts as the given otherwise")
        .isTrue();
    assertThat(m.test(PRECONDITION, x(0), false)).isFalse();
    assertThat(m.failures())
        .hasSize(2)
        .allSatisfy(
            f -> {
              assertThat(f.where()).isEqualTo("$.actions[0].precondition");
              assertThat(f.reason()).isNotBlank().doesNotContain("\n");
            });
    assertThat(m.evaluations()).isEqualTo(6);
    assertThat(m.exhausted()).isFalse();
  }

  @Test
  void aLiteralTemplateCostsNothing() {
    Mechanics m = mechanics(new StepBudget(Duration.ofSeconds(1), 0));
    assertThat(m.render(PLAIN, x(0))).contains("plain text");
    assertThat(m.render(Template.literal("", "$.empty"), x(0))).contains("");
    assertThat(m.evaluations()).isZero();
    assertThat(m.failures()).isEmpty();
  }

  @Test
  void theEvaluationBudgetIsExactAndWhatIsSkippedIsSummedUp() {
    Mechanics m = mechanics(new StepBudget(Duration.ofSeconds(30), 2));
    assertThat(m.evaluate(EFFECT, x(1))).contains(2L);
    assertThat(m.render(NARRATION, x(1))).contains("Ana acts at 1.");
    assertThat(m.exhausted()).isFalse();
    assertThat(m.evaluate(EFFECT, x(1))).isEmpty();
    assertThat(m.exhausted()).isTrue();
    assertThat(m.render(NARRATION, x(1))).isEmpty();
    assertThat(m.test(PRECONDITION, x(1), true)).isTrue();
    assertThat(m.evaluations()).isEqualTo(2);
    assertThat(m.failures()).hasSize(2);
    MechanicFailure spent = m.failures().get(0);
    assertThat(spent.where()).isEqualTo("$.actions[0].effects[0].to");
    assertThat(spent.reason())
        .matches(
            "skipped: the step's mechanics budget is spent \\(2 evaluations, \\d{1,3} ms of"
                + " CEL; expected: at most 2 and 30000 ms of CPU\\)");
    assertThat(m.failures().get(1))
        .isEqualTo(
            new MechanicFailure("step", "skipped 2 more mechanics after the budget was spent"));
  }

  @Test
  void theCpuBudgetStopsTheStepOnceSpent() {
    Mechanics m = mechanics(new StepBudget(Duration.ZERO, 1000));
    assertThat(m.evaluate(EFFECT, x(1))).as("nothing is spent before the first").contains(2L);
    assertThat(m.evaluate(EFFECT, x(1))).isEmpty();
    assertThat(m.exhausted()).isTrue();
    assertThat(m.failures().get(0).reason())
        .contains("(1 evaluations,")
        .contains("at most 1000 and 0 ms of CPU");
  }

  @Test
  void anOrdinaryStepStaysWellWithinTheDefaultBudget() {
    Mechanics m = mechanics(StepBudget.DEFAULT);
    for (int i = 0; i < 500; i++) {
      assertThat(m.evaluate(EFFECT, x(i % 50))).contains((long) (i % 50) + 1);
    }
    assertThat(m.exhausted()).isFalse();
    assertThat(m.failures()).isEmpty();
  }

  @Test
  void failuresAreRecordedInOrderAndTheListCannotBeChanged() {
    Mechanics m = mechanics(StepBudget.DEFAULT);
    m.record(new MechanicFailure("$.a", "first"));
    m.record(new MechanicFailure("$.b", "second"));
    assertThat(m.failures()).extracting(MechanicFailure::where).containsExactly("$.a", "$.b");
    assertThatThrownBy(() -> m.failures().add(new MechanicFailure("$.c", "x")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> m.record(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void aBudgetIsNeverNegative() {
    assertThatThrownBy(() -> new StepBudget(Duration.ofMillis(-1), 1))
        .hasMessage("celTime: PT-0.001S (expected: >= 0)");
    assertThatThrownBy(() -> new StepBudget(Duration.ZERO, -1))
        .hasMessage("maxEvaluations: -1 (expected: >= 0)");
    assertThat(new StepBudget(Duration.ZERO, 0).maxEvaluations()).isZero();
    assertThat(StepBudget.DEFAULT).isEqualTo(new StepBudget(Duration.ofSeconds(1), 20_000));
  }
}
