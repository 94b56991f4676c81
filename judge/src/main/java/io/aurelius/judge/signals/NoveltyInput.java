package io.aurelius.judge.signals;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What novelty is measured on for one submission: its id, its place in the epoch's admission order,
 * an embedding of its text, MinHash signatures of its configuration and of its aenes' text, and its
 * parent's configuration signature if it is a fork.
 */
public record NoveltyInput(
    String id,
    long order,
    float[] embedding,
    long[] configurationSignature,
    long[] aeneSignature,
    Optional<long[]> parentSignature) {
  public NoveltyInput {
    requireNonNull(id, "id");
    requireNonNull(embedding, "embedding");
    requireNonNull(configurationSignature, "configurationSignature");
    requireNonNull(aeneSignature, "aeneSignature");
    requireNonNull(parentSignature, "parentSignature");
    if (order < 0) {
      throw new IllegalArgumentException("order: " + order + " (expected: >= 0)");
    }
  }
}
