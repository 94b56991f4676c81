package io.aurelius.judge.api;

import static java.util.Objects.requireNonNull;

import io.aurelius.worldmodel.transcript.Aene;

/** An aene this validator puts forward for the corpus, with the ensemble's DLV. */
public record ApprovedAene(Aene aene, double dlv) {
  public ApprovedAene {
    requireNonNull(aene, "aene");
  }

  public String id() {
    return aene.id().hex();
  }
}
