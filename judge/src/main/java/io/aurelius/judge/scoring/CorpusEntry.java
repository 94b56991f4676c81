package io.aurelius.judge.scoring;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.hash.ContentId;

/**
 * A configuration already in the corpus, as novelty needs it: its id, an embedding of its text and
 * the MinHash signature of its text (forks are compared with their parent's).
 */
public record CorpusEntry(ContentId configId, float[] embedding, long[] signature) {
  public CorpusEntry {
    requireNonNull(configId, "configId");
    requireNonNull(embedding, "embedding");
    requireNonNull(signature, "signature");
  }
}
