package io.aurelius.judge.api;

import static java.util.Objects.requireNonNull;

import io.aurelius.worldmodel.transcript.Aene;

/**
 * An aene this validator puts forward for the corpus, with the ensemble's DLV and its {@link
 * AcceptanceForecast probability of acceptance}.
 */
public record ApprovedAene(Aene aene, double dlv, double acceptance) {
  public ApprovedAene {
    requireNonNull(aene, "aene");
  }

  public String id() {
    return aene.id().hex();
  }
}
