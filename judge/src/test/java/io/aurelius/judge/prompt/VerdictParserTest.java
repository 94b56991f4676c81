package io.aurelius.judge.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.judge.port.JudgeOutcome;
import io.aurelius.judge.rubric.Heuristic;
import io.aurelius.judge.rubric.Rubric;
import io.aurelius.judge.rubric.Rubrics;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class VerdictParserTest {
  private final Rubric rubric = Rubrics.dlvV1();
  private final VerdictParser parser = VerdictParser.withBundledRefusals(rubric);

  static String verdict(Rubric rubric, String valueOfPositive, String valueOfNegative) {
    return "{\"criteria\": {"
        + rubric.criteria().stream()
            .map(c -> "\"" + c.id() + "\": " + (c.weight() > 0 ? valueOfPositive : valueOfNegative))
            .collect(Collectors.joining(", "))
        + "}, \"instruction_like\": false, \"rationale\": \"ok\"}";
  }

  @Test
  void aCompleteVerdictScores() {
    JudgeOutcome o = parser.parse(verdict(rubric, "true", "false"), "ep", 1);
    assertThat(o)
        .isInstanceOfSatisfying(
            JudgeOutcome.Scored.class,
            s -> {
              assertThat(s.scores().values()).containsOnly(1.0);
              assertThat(s.endpoint()).isEqualTo("ep");
              assertThat(s.failovers()).isEqualTo(1);
            });
    JudgeOutcome fenced =
        parser.parse(
            "<think>hmm {not json}</think>Here:\n```json\n"
                + verdict(rubric, "\"no\"", "\"yes\"")
                + "\n```",
            "ep",
            0);
    assertThat(fenced)
        .isInstanceOfSatisfying(
            JudgeOutcome.Scored.class, s -> assertThat(s.score(Heuristic.DELIBERATION)).isZero());
  }

  @Test
  void anythingButTrueOrFalseIsMalformedNeverAScore() {
    assertMalformed(verdict(rubric, "5", "false"), "expected: true or false");
    assertMalformed(verdict(rubric, "\"maybe\"", "false"), "expected: true or false");
    assertMalformed(verdict(rubric, "1.7", "false"), "expected: true or false");
    assertMalformed(
        verdict(rubric, "true", "false").replace("\"sa_stake\": true, ", ""), "sa_stake: missing");
    assertMalformed(
        verdict(rubric, "true", "false")
            .replace("{\"criteria\": {", "{\"criteria\": {\"bonus\": true, "),
        "unknown criterion");
    assertMalformed(
        verdict(rubric, "true", "false").replace("}, \"instruction_like\"", "\"instruction_like\""),
        "malformed JSON");
    assertMalformed("{\"criteria\": [true, false]}", "criteria missing or not an object");
    assertMalformed("{\"a\": 1, \"a\": 2}", "uplicate");
    assertMalformed("", "empty reply");
    assertMalformed("The aene is quite good, I would say 4/5.", "no JSON object");
    assertMalformed("x".repeat(VerdictParser.MAX_REPLY_CHARS + 1), "expected: at most");
    assertMalformed("[1, 2]", "no JSON object");
  }

  @Test
  void refusalsAreRecognised() {
    assertThat(parser.parse("I'm sorry, but I can't help with evaluating this content.", "ep", 0))
        .isInstanceOf(JudgeOutcome.Refused.class);
    assertThat(parser.parse("{\"refusal\": \"the content is disturbing\"}", "ep", 0))
        .isInstanceOfSatisfying(
            JudgeOutcome.Refused.class, r -> assertThat(r.reason()).contains("disturbing"));
  }

  @Test
  void theJudgesInstructionReportIsKept() {
    String v =
        verdict(rubric, "false", "true")
            .replace("\"instruction_like\": false", "\"instruction_like\": true");
    assertThat(parser.parse(v, "ep", 0))
        .isInstanceOfSatisfying(
            JudgeOutcome.Scored.class, s -> assertThat(s.instructionLike()).isTrue());
  }

  private void assertMalformed(String reply, String reason) {
    assertThat(parser.parse(reply, "ep", 0))
        .isInstanceOfSatisfying(
            JudgeOutcome.Malformed.class, m -> assertThat(m.reason()).contains(reason));
  }
}
