package io.aurelius.judge.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.hash.ContentId;
import io.aurelius.judge.embedding.MiniLmEmbedder;
import io.aurelius.judge.scoring.ConfigurationText;
import io.aurelius.judge.scoring.CorpusEntry;

/**
 * A configuration already published, as novelty compares new ones with it (embedding and
 * signature).
 */
public final class PublishedConfiguration {
  private final CorpusEntry entry;

  private PublishedConfiguration(CorpusEntry entry) {
    this.entry = entry;
  }

  /** Embeds the scenario text with the in-process MiniLM model (milliseconds per configuration). */
  public static PublishedConfiguration of(ContentId id, JsonNode document) {
    requireNonNull(id, "id");
    String text = ConfigurationText.of(requireNonNull(document, "document"));
    return new PublishedConfiguration(
        new CorpusEntry(
            id,
            ConfigurationText.embedding(text, MiniLmEmbedder.shared()),
            ConfigurationText.signature(text)));
  }

  public ContentId id() {
    return entry.configId();
  }

  CorpusEntry entry() {
    return entry;
  }
}
