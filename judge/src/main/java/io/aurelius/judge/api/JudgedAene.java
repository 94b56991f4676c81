package io.aurelius.judge.api;

import static java.util.Objects.requireNonNull;

import io.aurelius.worldmodel.transcript.Aene;

/**
 * An aene of a configuration as this validator's judges saw it: the ensemble's DLV, the {@link
 * AcceptanceForecast probability of acceptance} and whether this validator approves it.
 */
public record JudgedAene(Aene aene, double dlv, double acceptance, boolean approve) {
  public JudgedAene {
    requireNonNull(aene, "aene");
  }

  public String id() {
    return aene.id().hex();
  }
}
