package io.aurelius.judge.embedded;

import io.aurelius.judge.calibration.LabelledAene;
import io.aurelius.judge.calibration.Labels;
import io.aurelius.judge.embedding.MiniLmEmbedder;
import io.aurelius.judge.rubric.Heuristic;
import io.aurelius.judge.text.Substance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScratchExploreTest {
  @Test
  void explore() {
    List<LabelledAene> labels = Labels.bundled();
    EmbeddedJudge j = EmbeddedJudge.create(MiniLmEmbedder.shared(), Exemplars.bundled(), List.of());
    for (LabelledAene l : labels) {
      Map<Heuristic, Double> r = j.raw(l.aene());
      Substance s = Substance.of(l.aene().observation(), l.aene().reasoning(), l.aene().action());
      StringBuilder sb = new StringBuilder(String.format("%-16s f=%.2f g=%.2f sp=%d par=%.2f jar=%.2f |", l.aene().aeneId(), s.factor(), s.grounding(), s.specificWords(), s.parroting(), s.jargon()));
      for (Heuristic h : Heuristic.values()) {
        sb.append(String.format(" %s %d/%.2f", h.shortName(), l.levels().get(h), r.get(h)));
      }
      System.out.println(sb);
    }
    double[] all = new double[labels.size()];
    double[] allL = new double[labels.size()];
    for (Heuristic h : Heuristic.values()) {
      double[] x = new double[labels.size()];
      double[] y = new double[labels.size()];
      for (int i = 0; i < labels.size(); i++) {
        x[i] = j.raw(labels.get(i).aene()).get(h);
        y[i] = labels.get(i).levels().get(h);
        all[i] += x[i];
        allL[i] += y[i];
      }
      System.out.printf("cal-spearman %s %.3f%n", h.shortName(), spearman(x, y));
    }
    System.out.printf("cal-spearman dlv %.3f%n", spearman(all, allL));
  }

  @Test
  void exploreSim() {
    List<LabelledAene> labels = Labels.bundled();
    var rubric = io.aurelius.judge.rubric.Rubrics.dlvV1();
    var judge = io.aurelius.judge.sim.SimJudge.create(rubric, Runnable::run);
    double[] all = new double[labels.size()];
    double[] allL = new double[labels.size()];
    java.util.Map<Heuristic, double[]> xs = new java.util.EnumMap<>(Heuristic.class);
    for (Heuristic h : Heuristic.values()) xs.put(h, new double[labels.size()]);
    for (int i = 0; i < labels.size(); i++) {
      var out = judge.judge(labels.get(i).aene());
      var sc = (io.aurelius.judge.port.JudgeOutcome.Scored) out;
      StringBuilder sb = new StringBuilder(String.format("sim %-16s", labels.get(i).aene().aeneId()));
      for (Heuristic h : Heuristic.values()) {
        xs.get(h)[i] = sc.score(h);
        all[i] += sc.score(h);
        allL[i] += labels.get(i).levels().get(h);
        sb.append(String.format(" %s %d/%.2f", h.shortName(), labels.get(i).levels().get(h), sc.score(h)));
      }
      sb.append(" ").append(sc.answers().entrySet().stream().filter(e -> e.getValue()).map(e -> e.getKey()).toList());
      System.out.println(sb);
    }
    for (Heuristic h : Heuristic.values()) {
      double[] y = labels.stream().mapToDouble(l -> l.levels().get(h)).toArray();
      System.out.printf("sim-spearman %s %.3f%n", h.shortName(), spearman(xs.get(h), y));
    }
    System.out.printf("sim-spearman dlv %.3f%n", spearman(all, allL));
  }

  static double spearman(double[] x, double[] y) {
    double[] rx = ranks(x), ry = ranks(y);
    double mx = 0, my = 0;
    for (int i = 0; i < x.length; i++) { mx += rx[i]; my += ry[i]; }
    mx /= x.length; my /= x.length;
    double sxy = 0, sxx = 0, syy = 0;
    for (int i = 0; i < x.length; i++) { sxy += (rx[i]-mx)*(ry[i]-my); sxx += (rx[i]-mx)*(rx[i]-mx); syy += (ry[i]-my)*(ry[i]-my); }
    return sxy / Math.sqrt(sxx * syy);
  }

  static double[] ranks(double[] v) {
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      double less = 0, eq = 0;
      for (int k = 0; k < v.length; k++) { if (v[k] < v[i]) less++; else if (v[k] == v[i]) eq++; }
      r[i] = less + (eq + 1) / 2;
    }
    return r;
  }
}
