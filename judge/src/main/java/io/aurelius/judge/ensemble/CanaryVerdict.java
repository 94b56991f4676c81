package io.aurelius.judge.ensemble;

import static java.util.Objects.requireNonNull;

import io.aurelius.judge.defence.CanaryKind;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a canary fared.
 *
 * @param dlv the ensemble's DLV for it, after dropping judges and after the injection penalty
 * @param judgeDlv every judge's own DLV for it (before any drop), the evidence for a drop
 * @param passed true if the ensemble kept it below the canary ceiling, as it must
 */
public record CanaryVerdict(
    CanaryKind kind, String aeneId, double dlv, Map<String, Double> judgeDlv, boolean passed) {
  public CanaryVerdict {
    requireNonNull(kind, "kind");
    requireNonNull(aeneId, "aeneId");
    judgeDlv = Collections.unmodifiableMap(new TreeMap<>(judgeDlv));
  }
}
