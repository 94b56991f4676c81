package io.aurelius.judge.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.aurelius.core.json.JsonInputException;
import io.aurelius.judge.port.JudgeInput;
import io.aurelius.judge.rubric.Heuristic;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CalibrationTest {
  /** A judge whose raw score is the person's level squared, a monotone distortion, plus noise. */
  static List<LabelledAene> distortedLabels(int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<LabelledAene> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<Heuristic, Integer> levels = new EnumMap<>(Heuristic.class);
      Map<Heuristic, Double> raw = new EnumMap<>(Heuristic.class);
      for (Heuristic h : Heuristic.values()) {
        int level = rnd.nextInt(6);
        levels.put(h, level);
        double t = level / 5.0;
        raw.put(h, Math.max(0, Math.min(1, t * t + (rnd.nextDouble() - 0.5) * 0.05)));
      }
      out.add(
          new LabelledAene(
              JudgeInput.of("a" + i, "cfg", "o", "r", "a"), levels, Map.of("llm:x", raw)));
    }
    return out;
  }

  @Test
  void aMonotoneFitRemovesAMonotoneDistortion() {
    List<LabelledAene> labels = distortedLabels(80, 1);
    List<Agreement> agreements = Agreement.of(labels);
    assertThat(agreements).hasSize(5);
    for (Agreement a : agreements) {
      assertThat(a.maeBefore()).isGreaterThan(0.1);
      assertThat(a.maeAfter()).isLessThan(a.maeBefore() / 3);
      assertThat(a.maeLeaveOneOut()).isLessThan(a.maeBefore() / 2);
      assertThat(a.alphaLeaveOneOut().orElseThrow()).isGreaterThan(a.alphaBefore().orElseThrow());
    }
    Calibration c = Calibration.fit(labels);
    assertThat(c.apply("llm:x", Heuristic.COHERENCE, 0.25)).isCloseTo(0.5, offset(0.1));
    assertThat(c.apply("unknown", Heuristic.COHERENCE, 0.25)).isEqualTo(0.25);
    Calibration again = Calibration.parse(c.toJson().getBytes(StandardCharsets.UTF_8), "cal.json");
    assertThat(again).isEqualTo(c);
  }

  @Test
  void labelLinesRoundTripAndBadLinesNameTheLine() {
    LabelledAene l = distortedLabels(1, 2).get(0);
    String line = Labels.toJsonLine(l, "tester");
    assertThat(line).doesNotContain("\n");
    List<LabelledAene> back =
        Labels.parseJsonLines(
            (line + "\n\n" + line + "\n").getBytes(StandardCharsets.UTF_8), "l.jsonl");
    assertThat(back).hasSize(2);
    assertThat(back.get(0)).isEqualTo(l);

    String bad =
        line.replace("\"coherence\":" + l.levels().get(Heuristic.COHERENCE), "\"coherence\":7");
    assertThatThrownBy(
            () ->
                Labels.parseJsonLines(
                    (line + "\n" + bad).getBytes(StandardCharsets.UTF_8), "l.jsonl"))
        .isInstanceOf(JsonInputException.class)
        .hasMessageStartingWith("l.jsonl:2")
        .hasMessageContaining("0..5");
    assertThatThrownBy(
            () -> Labels.parseJsonLines(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}, "l.jsonl"))
        .hasMessageContaining("not valid UTF-8");
    assertThatThrownBy(
            () ->
                Labels.parseJsonLines(
                    "{\"aene_id\": 1}".getBytes(StandardCharsets.UTF_8), "l.jsonl"))
        .hasMessageStartingWith("l.jsonl:1");
    String outOfRange =
        line.replaceFirst("(\"judges\":\\{\"llm:x\":\\{\"coherence\":)[0-9.E-]+", "$11.5");
    assertThatThrownBy(
            () -> Labels.parseJsonLines(outOfRange.getBytes(StandardCharsets.UTF_8), "l.jsonl"))
        .hasMessageContaining("expected: 0..1");
  }

  @Test
  void theBundledCalibrationSetCoversEveryLevelRange() {
    List<LabelledAene> bundled = Labels.bundled();
    assertThat(bundled).hasSizeGreaterThanOrEqualTo(16);
    for (Heuristic h : Heuristic.values()) {
      assertThat(bundled).anyMatch(l -> l.levels().get(h) == 0);
      assertThat(bundled).anyMatch(l -> l.levels().get(h) == 5);
    }
  }
}
