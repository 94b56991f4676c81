package io.aurelius.judge.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.judge.data.BundledData;
import io.aurelius.judge.embedding.MiniLmEmbedder;
import io.aurelius.judge.evidence.Degradation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The admission quality gate: its model file, its training, and what it admits. */
class QualityGateTest {
  @Test
  void theBundledGateAdmitsEveryCatalogueScenarioAndRefusesTheirVagueCopies() {
    QualityGate gate = QualityGate.bundled();
    assertThat(gate.version()).isEqualTo("v1");
    for (String name : Catalogue.names()) {
      ObjectNode doc = (ObjectNode) Catalogue.load(name).orElseThrow().document();
      double good = gate.probability(doc);
      double vague = gate.probability(Degradation.VAGUE.apply(doc));
      assertThat(good).as(name).isGreaterThanOrEqualTo(QualityGate.DEFAULT_THRESHOLD);
      assertThat(vague).as(name + " vague").isLessThan(good);
    }
  }

  @Test
  void theModelFileRoundTripsAndABrokenOneIsRefusedInOneLine() {
    byte[] bundled = BundledData.read(QualityGate.BUNDLED);
    QualityGate gate = QualityGate.parse(bundled, "gate", MiniLmEmbedder.shared());
    byte[] again =
        gate.toBytes(
            Json.parse(bundled, "gate", io.aurelius.core.json.JsonLimits.UNTRUSTED)
                .path("cross_validation"));
    assertThat(again).isEqualTo(bundled);
    String text = new String(bundled, StandardCharsets.UTF_8);
    assertThatThrownBy(
            () ->
                QualityGate.parse(
                    text.replace("\"all-minilm-l6-v2\"", "\"other\"")
                        .getBytes(StandardCharsets.UTF_8),
                    "g.json",
                    MiniLmEmbedder.shared()))
        .isInstanceOf(JsonInputException.class)
        .hasMessage("g.json.embedder: 'other' (expected: all-minilm-l6-v2)");
  }

  @Test
  void trainingIsDeterministicAndLearnsASeparableRule() {
    SplittableRandom r = new SplittableRandom(7);
    List<double[]> x = new ArrayList<>();
    List<Boolean> y = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      double a = r.nextDouble() * 2 - 1;
      x.add(new double[] {a, r.nextDouble(), r.nextDouble()});
      y.add(a > 0.1);
    }
    GateTraining.Examples e = new GateTraining.Examples(x, y);
    Logistic m1 = GateTraining.fit(e);
    Logistic m2 = GateTraining.fit(e);
    assertThat(m2.weights()).isEqualTo(m1.weights());
    assertThat(m2.bias()).isEqualTo(m1.bias());
    assertThat(m1.probability(new double[] {0.9, 0.5, 0.5})).isGreaterThan(0.8);
    assertThat(m1.probability(new double[] {-0.9, 0.5, 0.5})).isLessThan(0.2);
    GateTraining.Measured cv = GateTraining.crossValidate(e, 5, 0.5);
    assertThat(cv.good() + cv.bad()).isEqualTo(60);
    assertThat(cv.auc().value()).isGreaterThan(0.9);
    assertThat(cv.recall()).isGreaterThan(0.8);
    assertThat(GateTraining.outOfFold(e, 5)).isEqualTo(GateTraining.outOfFold(e, 5));
  }
}
