package io.aurelius.config.cel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.config.model.ValueType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code matches()} patterns are bounded before RE2 compiles them (issue 16, finding 4: {@code
 * ((a{100}){100}){100}} compiled to millions of instructions on every evaluation).
 */
class RegexBudgetTest {
  private static final String BOMB = "((a{100}){100}){100}";

  private final RegexBudget budget = new RegexBudget(CelLimits.DEFAULT, true);

  @Test
  void theEstimateFollowsRe2sProgramSize() {
    for (String p :
        List.of(
            "a",
            "abc",
            "[a-z]+",
            "^[a-z][a-z0-9_]{2,59}$",
            "(foo|bar|baz)",
            "a{100}",
            "(a{10}){10}",
            "((ab){3}){4}",
            "(?:x{2,5}){3,}",
            "\\d{3}-\\d{4}",
            "[0-9a-f]{64}",
            "(a|b)*c",
            "\\Q(a{9}\\E{3}",
            "[]{}]{5}",
            "(?i)hello\\p{Greek}{7}")) {
      long real = com.google.re2j.Pattern.compile(p).programSize();
      assertThat(RegexSize.estimate(p)).as(p).isBetween(real - 2, real * 2 + 4);
    }
  }

  @Test
  void nestedRepetitionsMultiply() {
    assertThat(RegexSize.estimate(BOMB)).isGreaterThan(1_000_000);
    assertThat(RegexSize.estimate("((((a{1000}){1000}){1000}){1000}){1000}"))
        .isEqualTo(RegexSize.SATURATED);
  }

  @Test
  void aBombIsRefusedBeforeItIsCompiled() {
    long start = System.nanoTime();
    for (int i = 0; i < 1_000; i++) {
      assertThatThrownBy(() -> budget.matches("aaa", BOMB))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("pattern would compile to about ")
          .hasMessageEndingWith(" instructions (expected: at most 200)");
    }
    // One compile of the bomb took ~1.7 s of CPU; a thousand refusals must not compile it once.
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000);
  }

  @Test
  void sizeLengthAndSyntaxAreRefusedWithOneLine() {
    assertThat(budget.refusal("[a-z]{250}"))
        .contains("pattern compiles to 252 instructions (expected: at most 200)");
    assertThat(budget.refusal("a".repeat(257)))
        .contains("pattern is 257 characters (expected: at most 256)");
    assertThat(budget.refusal("(a")).get().asString().startsWith("invalid pattern: ");
    assertThat(budget.refusal("a{5,2}")).get().asString().startsWith("invalid pattern: ");
    assertThat(budget.refusal("^[a-z][a-z0-9_]{2,59}$")).isEmpty();
  }

  @Test
  void evaluationKeepsCelsPartialMatch() {
    CelEngine engine = new CelEngine(CelLimits.DEFAULT);
    Map<String, ExprType> declared = Map.of("s", new ExprType.Scalar(ValueType.STRING));
    CompiledExpression receiver =
        ((Compilation.Compiled) engine.compile("$.r", "s.matches('b+c')", declared)).expression();
    CompiledExpression global =
        ((Compilation.Compiled) engine.compile("$.g", "matches(s, '^a')", declared)).expression();
    assertThat(receiver.evaluateBool(Bindings.builder().put("s", "abbc").build())).isTrue();
    assertThat(receiver.evaluateBool(Bindings.builder().put("s", "ac").build())).isFalse();
    assertThat(global.evaluateBool(Bindings.builder().put("s", "abbc").build())).isTrue();
    assertThat(global.evaluateBool(Bindings.builder().put("s", "babbc").build())).isFalse();
  }

  @Test
  void aComputedPatternIsRefusedWhenCompiled() {
    CelEngine engine = new CelEngine(CelLimits.DEFAULT);
    Map<String, ExprType> declared = Map.of("s", new ExprType.Scalar(ValueType.STRING));
    Compilation c = engine.compile("$.r", "'aaa'.matches(s + s)", declared);
    assertThat(((Compilation.Failed) c).problems())
        .containsExactly(
            new CelProblem(
                CelProblem.Kind.LIMIT,
                16,
                "a matches() pattern is computed (expected: a string literal)"));
  }
}
