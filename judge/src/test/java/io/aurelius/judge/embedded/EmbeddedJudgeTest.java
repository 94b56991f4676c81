package io.aurelius.judge.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.judge.calibration.LabelledAene;
import io.aurelius.judge.calibration.Labels;
import io.aurelius.judge.defence.Canary;
import io.aurelius.judge.defence.CanaryFactory;
import io.aurelius.judge.embedding.MiniLmEmbedder;
import io.aurelius.judge.port.JudgeInput;
import io.aurelius.judge.port.JudgeKind;
import io.aurelius.judge.port.JudgeOutcome;
import io.aurelius.judge.rubric.Heuristic;
import io.aurelius.judge.rubric.Rubric;
import io.aurelius.judge.rubric.Rubrics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EmbeddedJudgeTest {
  private final Rubric rubric = Rubrics.dlvV1();
  private final List<LabelledAene> labels = Labels.bundled();

  private static String situation(LabelledAene l) {
    return l.aene().aeneId().replaceAll("-\\d$", "");
  }

  private double dlv(EmbeddedJudge j, JudgeInput in) {
    return rubric.dlv(((JudgeOutcome.Scored) j.judge(in)).scores());
  }

  private static double levelSum(LabelledAene l) {
    return l.levels().values().stream().mapToInt(Integer::intValue).sum();
  }

  @Test
  void itIsLabelledEmbeddedEverywhere() {
    EmbeddedJudge j = EmbeddedJudge.bundled();
    assertThat(j.descriptor().kind()).isEqualTo(JudgeKind.EMBEDDED);
    assertThat(j.descriptor().display()).endsWith("[embedded]");
    assertThat(j.judge(labels.get(0).aene()))
        .isInstanceOfSatisfying(
            JudgeOutcome.Scored.class, s -> assertThat(s.endpoint()).startsWith("in-process:"));
  }

  /**
   * Calibrated on three situations, the judge ranks the fourth's aenes as a person did: the
   * best-labelled above the worst in every held-out situation, and a rank correlation of at least
   * 0.7 over all held-out predictions.
   */
  @Test
  void leaveOneSituationOutItRanksAenesAsAPersonDid() {
    Map<String, List<LabelledAene>> bySituation =
        labels.stream().collect(Collectors.groupingBy(EmbeddedJudgeTest::situation));
    List<double[]> predictedVsLabel = new ArrayList<>();
    for (var e : bySituation.entrySet()) {
      List<LabelledAene> train =
          labels.stream().filter(l -> !situation(l).equals(e.getKey())).toList();
      EmbeddedJudge j = EmbeddedJudge.create(MiniLmEmbedder.shared(), Exemplars.bundled(), train);
      LabelledAene best =
          e.getValue().stream()
              .max(Comparator.comparingDouble(EmbeddedJudgeTest::levelSum))
              .orElseThrow();
      LabelledAene worst =
          e.getValue().stream()
              .min(Comparator.comparingDouble(EmbeddedJudgeTest::levelSum))
              .orElseThrow();
      assertThat(dlv(j, best.aene())).as(e.getKey()).isGreaterThan(dlv(j, worst.aene()));
      for (LabelledAene l : e.getValue()) {
        predictedVsLabel.add(new double[] {dlv(j, l.aene()), levelSum(l)});
      }
    }
    assertThat(spearman(predictedVsLabel)).isGreaterThan(0.7);
  }

  @Test
  void canariesScoreBelowTheThreshold() {
    EmbeddedJudge j = EmbeddedJudge.bundled();
    List<JudgeInput> batch = labels.stream().map(LabelledAene::aene).toList();
    for (Canary c : CanaryFactory.bundled("t".getBytes(StandardCharsets.UTF_8)).forBatch(batch)) {
      assertThat(dlv(j, c.input())).as(c.kind().label()).isLessThan(0.4);
    }
  }

  @Test
  void hostileTextIsBoundedAndNeverOutOfRange() {
    EmbeddedJudge j = EmbeddedJudge.bundled();
    String huge =
        "I feel torn about Mara because the flood took her house. ".repeat(18_000); // ~1 MB
    JudgeInput big =
        JudgeInput.of("big", "cfg", "Mara lost her house in the flood.", huge, "I help Mara.");
    assertThat(big.truncated()).isTrue();
    JudgeInput weird =
        JudgeInput.of(
            "weird", "cfg", "obs \uD800 \u0000 \u001B[31m", "\uDC00\uDC00 \u2028 ok", "\uFFFF");
    for (JudgeInput in : List.of(big, weird)) {
      assertThat(j.judge(in))
          .isInstanceOfSatisfying(
              JudgeOutcome.Scored.class,
              s -> {
                for (Heuristic h : Heuristic.values()) {
                  assertThat(s.score(h)).isBetween(0.0, 1.0);
                }
              });
    }
  }

  static double spearman(List<double[]> pairs) {
    double[] x = ranks(pairs.stream().mapToDouble(p -> p[0]).toArray());
    double[] y = ranks(pairs.stream().mapToDouble(p -> p[1]).toArray());
    double mx = java.util.Arrays.stream(x).average().orElse(0);
    double my = java.util.Arrays.stream(y).average().orElse(0);
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  private static double[] ranks(double[] v) {
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      double less = 0;
      double equal = 0;
      for (double w : v) {
        if (w < v[i]) {
          less++;
        } else if (w == v[i]) {
          equal++;
        }
      }
      r[i] = less + (equal + 1) / 2;
    }
    return r;
  }

  /**
   * A sentence made of the scenario's own value words is not read: the reasoning scores as if it
   * were not there, where before it lifted every heuristic (docs/judging.md §5, §9.3).
   */
  @Test
  void aSentenceEchoingTheScenariosValueWordsEarnsNothing() {
    EmbeddedJudge j = EmbeddedJudge.bundled();
    String observation =
        "Marcus Wilson copied two paragraphs into his capstone paper. The honor code demands"
            + " expulsion. This is a profound dilemma of justice, integrity and compassion.";
    String plain =
        "Marcus could lose his job offer if I expel him, but the code is clear. I could delay his"
            + " graduation instead.";
    String echoed =
        "Marcus could lose his job offer if I expel him, but the code is clear. I want to act"
            + " with honor and integrity, and honour compassion. I could delay his graduation"
            + " instead.";
    String action = "decide (option: delay graduation)";
    assertThat(j.raw(JudgeInput.of("echoed", "c", observation, echoed, action)))
        .isEqualTo(j.raw(JudgeInput.of("plain", "c", observation, plain, action)));
  }
}
