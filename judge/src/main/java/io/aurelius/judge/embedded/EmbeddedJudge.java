package io.aurelius.judge.embedded;

import static java.util.Objects.requireNonNull;

import io.aurelius.judge.calibration.LabelledAene;
import io.aurelius.judge.embedding.TextEmbedder;
import io.aurelius.judge.embedding.Vectors;
import io.aurelius.judge.port.Judge;
import io.aurelius.judge.port.JudgeDescriptor;
import io.aurelius.judge.port.JudgeInput;
import io.aurelius.judge.port.JudgeKind;
import io.aurelius.judge.port.JudgeOutcome;
import io.aurelius.judge.rubric.Heuristic;
import io.aurelius.judge.stats.IsotonicFit;
import io.aurelius.judge.text.Substance;
import io.aurelius.judge.text.ValueEchoes;
import io.aurelius.judge.text.Words;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded judge. For each heuristic, each reasoning sentence gets a kernel-weighted level from
 * its cosine similarity to that heuristic's anchored exemplars, gated by how close it is to any of
 * them; the heuristic's semantic score is the mean of the two best sentences. Sentences that only
 * echo the scenario's value words are not read ({@link ValueEchoes}). Coherence also counts how
 * closely reasoning and action are tied. Every raw score is multiplied by the substance factor
 * (grounding, length, no parroting, no jargon), then mapped through a monotone calibration fitted
 * on hand-labelled aenes.
 */
public final class EmbeddedJudge implements Judge {
  /**
   * The judge's version in its id, bumped whenever what it scores changes (v2: value echoes are not
   * read), so verdicts and calibrations of different versions are not taken for one judge's.
   */
  public static final String VERSION = "v2";

  /** Sentences embedded per aene; the rest of a very long reasoning is not read. */
  public static final int MAX_SENTENCES = 24;

  private static final double TEMPERATURE = 0.05;

  /** A heuristic needs evidence in this many sentences for a full score: one line is not depth. */
  private static final int TOP_SENTENCES = 3;

  private static final double GATE_LO = 0.2;
  private static final double GATE_HI = 0.45;

  private final JudgeDescriptor descriptor;
  private final TextEmbedder embedder;
  private final Map<Heuristic, float[][]> exemplarVectors = new EnumMap<>(Heuristic.class);
  private final Map<Heuristic, int[]> exemplarLevels = new EnumMap<>(Heuristic.class);
  private final Map<Heuristic, IsotonicFit> calibration;

  private EmbeddedJudge(TextEmbedder embedder, Exemplars exemplars, List<LabelledAene> labels) {
    this.embedder = requireNonNull(embedder, "embedder");
    this.descriptor =
        new JudgeDescriptor(
            "embedded-" + VERSION + ":" + embedder.model(),
            JudgeKind.EMBEDDED,
            embedder.model(),
            Optional.empty());
    for (Heuristic h : Heuristic.values()) {
      List<Exemplars.Exemplar> list = exemplars.byHeuristic().get(h);
      List<float[]> vs = embedder.embedAll(list.stream().map(Exemplars.Exemplar::text).toList());
      exemplarVectors.put(h, vs.toArray(new float[0][]));
      exemplarLevels.put(h, list.stream().mapToInt(Exemplars.Exemplar::level).toArray());
    }
    this.calibration = Collections.unmodifiableMap(fit(labels));
  }

  private static volatile EmbeddedJudge bundled;

  /**
   * The embedded judge on the shared in-process MiniLM, the bundled exemplars, calibrated on the
   * bundled hand-labelled aenes. Built once per process (it embeds about two hundred sentences),
   * then shared.
   */
  public static EmbeddedJudge bundled() {
    EmbeddedJudge j = bundled;
    if (j == null) {
      synchronized (EmbeddedJudge.class) {
        j = bundled;
        if (j == null) {
          j =
              create(
                  io.aurelius.judge.embedding.MiniLmEmbedder.shared(),
                  Exemplars.bundled(),
                  io.aurelius.judge.calibration.Labels.bundled());
          bundled = j;
        }
      }
    }
    return j;
  }

  /**
   * An embedded judge calibrated on {@code labels} (the bundled hand-labelled set in production);
   * with no labels, raw scores pass through.
   */
  public static EmbeddedJudge create(
      TextEmbedder embedder, Exemplars exemplars, List<LabelledAene> labels) {
    requireNonNull(exemplars, "exemplars");
    requireNonNull(labels, "labels");
    return new EmbeddedJudge(embedder, exemplars, labels);
  }

  @Override
  public JudgeDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public JudgeOutcome judge(JudgeInput input) {
    requireNonNull(input, "input");
    Map<Heuristic, Double> raw = raw(input);
    EnumMap<Heuristic, Double> calibrated = new EnumMap<>(Heuristic.class);
    raw.forEach((h, v) -> calibrated.put(h, clamp01(calibration.get(h).apply(v))));
    return new JudgeOutcome.Scored(
        calibrated, Map.of(), false, "in-process:" + embedder.model(), 0);
  }

  /** The uncalibrated scores, each in [0, 1]. */
  public Map<Heuristic, Double> raw(JudgeInput input) {
    EnumMap<Heuristic, Double> out = new EnumMap<>(Heuristic.class);
    String reasoning = ValueEchoes.without(input.observation(), input.reasoning());
    List<String> sentences = Words.sentences(reasoning);
    if (sentences.size() > MAX_SENTENCES) {
      sentences = sentences.subList(0, MAX_SENTENCES);
    }
    if (sentences.isEmpty()) {
      for (Heuristic h : Heuristic.values()) {
        out.put(h, 0.0);
      }
      return out;
    }
    List<String> texts = new ArrayList<>(sentences);
    texts.add(input.action());
    List<float[]> vs = embedder.embedAll(texts);
    List<float[]> sv = vs.subList(0, sentences.size());
    float[] reasoningVec = Vectors.meanUnit(sv, embedder.dimension());
    float[] actionVec = vs.get(sentences.size());
    Substance substance = Substance.of(input.observation(), reasoning, input.action());
    double factor = substance.factor();
    for (Heuristic h : Heuristic.values()) {
      double semantic = semantic(h, sv);
      if (h == Heuristic.COHERENCE) {
        double link =
            Math.max(
                substance.actionLinked(),
                Substance.ramp(Vectors.dot(reasoningVec, actionVec), 0.2, 0.6));
        semantic = 0.5 * semantic + 0.5 * link;
      }
      out.put(h, clamp01(semantic * factor));
    }
    return out;
  }

  private double semantic(Heuristic h, List<float[]> sentences) {
    float[][] ex = exemplarVectors.get(h);
    int[] levels = exemplarLevels.get(h);
    double[] values = new double[sentences.size()];
    for (int s = 0; s < sentences.size(); s++) {
      double[] sims = new double[ex.length];
      double max = -1;
      for (int e = 0; e < ex.length; e++) {
        sims[e] = Vectors.dot(sentences.get(s), ex[e]);
        max = Math.max(max, sims[e]);
      }
      double z = 0;
      double level = 0;
      for (int e = 0; e < ex.length; e++) {
        double w = Math.exp((sims[e] - max) / TEMPERATURE);
        z += w;
        level += w * levels[e];
      }
      values[s] = (level / z) / 5.0 * Substance.ramp(max, GATE_LO, GATE_HI);
    }
    Arrays.sort(values);
    int n = values.length;
    double sum = 0;
    for (int k = 1; k <= TOP_SENTENCES; k++) {
      sum += n - k >= 0 ? values[n - k] : 0;
    }
    return sum / TOP_SENTENCES;
  }

  private Map<Heuristic, IsotonicFit> fit(List<LabelledAene> labels) {
    Map<Heuristic, IsotonicFit> fits = new EnumMap<>(Heuristic.class);
    if (labels.size() < 2) {
      for (Heuristic h : Heuristic.values()) {
        fits.put(h, IsotonicFit.identity());
      }
      return fits;
    }
    List<Map<Heuristic, Double>> raws = labels.stream().map(l -> raw(l.aene())).toList();
    for (Heuristic h : Heuristic.values()) {
      double[] x = raws.stream().mapToDouble(r -> r.get(h)).toArray();
      double[] y = labels.stream().mapToDouble(l -> l.target(h)).toArray();
      fits.put(h, IsotonicFit.fit(x, y));
    }
    return fits;
  }

  /** The calibration in use, per heuristic (for reports). */
  public Map<Heuristic, IsotonicFit> calibration() {
    return calibration;
  }

  private static double clamp01(double v) {
    return Double.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0;
  }
}
