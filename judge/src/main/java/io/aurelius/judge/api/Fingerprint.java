package io.aurelius.judge.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.judge.scoring.ConfigurationText;
import io.aurelius.judge.signals.MinHash;

/**
 * A configuration's scenario text (what agents read, without names and lineage) and its MinHash
 * signature, for admission's duplicate checks.
 */
public final class Fingerprint {
  private final String text;
  private final long[] signature;

  private Fingerprint(String text, long[] signature) {
    this.text = text;
    this.signature = signature;
  }

  public static Fingerprint of(JsonNode configuration) {
    String text = ConfigurationText.of(requireNonNull(configuration, "configuration"));
    return new Fingerprint(text, ConfigurationText.signature(text));
  }

  /**
   * Whether both tell the same scenario word for word (a fork that changed only names or lineage).
   */
  public boolean sameScenario(Fingerprint other) {
    return text.equals(other.text);
  }

  /** Estimated Jaccard similarity of the two scenario texts' shingles, 0..1. */
  public double similarity(Fingerprint other) {
    return MinHash.similarity(signature, other.signature);
  }
}
