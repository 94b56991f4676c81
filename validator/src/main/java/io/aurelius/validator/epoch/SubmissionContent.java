package io.aurelius.validator.epoch;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an admitted submission carries, by kind. Steps take the kinds they work on from {@link
 * Submissions} ({@link Submissions#configurations()}); a new kind of submission (a world-model
 * module) is one more record here and one more step that takes it, while the steps that do not
 * handle it never see it.
 */
public sealed interface SubmissionContent
    permits SubmissionContent.Configuration, SubmissionContent.Module {
  /** The kind's name in stored records and reports. */
  String kind();

  /** The signed document as the miner sent it. */
  JsonNode document();

  /** A scenario configuration: simulated, judged, ranked and, when it passes, published. */
  record Configuration(JsonNode document) implements SubmissionContent {
    public static final String KIND = "configuration";

    public Configuration {
      requireNonNull(document, "document");
    }

    @Override
    public String kind() {
      return KIND;
    }
  }

  /**
   * A world-model module (docs/world-model.md): admitted against the validator's world model, then
   * A/B-trialled; never simulated, judged or published as a configuration.
   */
  record Module(JsonNode document) implements SubmissionContent {
    public static final String KIND = "module";

    public Module {
      requireNonNull(document, "document");
    }

    @Override
    public String kind() {
      return KIND;
    }
  }

  /** Reads a stored kind back; a kind this version does not know is refused (one line). */
  static SubmissionContent of(String kind, JsonNode document) {
    if (Configuration.KIND.equals(kind)) {
      return new Configuration(document);
    }
    if (Module.KIND.equals(kind)) {
      return new Module(document);
    }
    throw new IllegalArgumentException(
        "stored submission kind: '"
            + kind
            + "' (expected: "
            + Configuration.KIND
            + " or "
            + Module.KIND
            + ")");
  }
}
