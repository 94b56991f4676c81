package io.aurelius.validator.consensus;

import io.aurelius.worldmodel.transcript.Aene;
import java.util.List;
import java.util.Map;

/**
 * Judges other validators' aenes again with this validator's own judges: for each aene id, its DLV
 * and whether this validator approves it for the corpus.
 */
@FunctionalInterface
public interface Rejudge {
  record Judgement(double dlv, boolean approve) {}

  Map<String, Judgement> judge(List<Aene> aenes);
}
