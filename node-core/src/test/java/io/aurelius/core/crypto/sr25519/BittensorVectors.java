package io.aurelius.core.crypto.sr25519;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.core.testing.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** The published Bittensor identity vectors, {@code testdata/bittensor/vectors.json}. */
final class BittensorVectors {
  private static JsonNode root;

  private BittensorVectors() {}

  /** The group named {@code key}, e.g. {@code merlin}. */
  static synchronized JsonNode group(String key) {
    if (root == null) {
      try {
        byte[] bytes = Files.readAllBytes(TestData.path("bittensor", "vectors.json"));
        root = Json.parse(bytes, "vectors.json", new JsonLimits(1 << 20, 16, 4096));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    JsonNode group = root.get(key);
    if (group == null) {
      throw new IllegalStateException("vectors.json: no group '" + key + "'");
    }
    return group;
  }
}
