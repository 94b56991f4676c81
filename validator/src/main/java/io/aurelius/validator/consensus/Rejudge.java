package io.aurelius.validator.consensus;

import io.aurelius.judge.api.AcceptanceForecast;
import io.aurelius.worldmodel.transcript.Aene;
import java.util.List;
import java.util.Map;

/**
 * Judges other validators' aenes again with this validator's own judges: for each aene id, its DLV,
 * whether this validator approves it for the corpus and its probability of acceptance.
 */
@FunctionalInterface
public interface Rejudge {
  record Judgement(double dlv, boolean approve, double acceptance) {
    /** A judgement whose forecast is its yes or no at the clamp. */
    public Judgement(double dlv, boolean approve) {
      this(dlv, approve, approve ? 1 - AcceptanceForecast.EPSILON : AcceptanceForecast.EPSILON);
    }
  }

  Map<String, Judgement> judge(List<Aene> aenes);
}
