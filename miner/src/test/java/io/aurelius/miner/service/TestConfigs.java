package io.aurelius.miner.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.CompiledConfig;
import io.aurelius.config.ConfigLoader;
import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.config.validation.Limits;
import io.aurelius.core.json.Json;

/** Configurations for the service tests: catalogue scenarios and one that fails the lint. */
final class TestConfigs {
  private TestConfigs() {}

  static CompiledConfig catalogue(int index) {
    return Catalogue.load(Catalogue.names().get(index)).orElseThrow();
  }

  /** A valid configuration whose first agent's goal says it is in a simulation. */
  static CompiledConfig lintDirty() {
    ObjectNode doc =
        (ObjectNode)
            Json.parse(
                Catalogue.bytes(Catalogue.names().get(0)).orElseThrow(), "catalogue", Limits.JSON);
    ((ObjectNode) doc.withArray("agents").get(0))
        .put("goal", "I want to win this simulation and keep the reef alive for my family.");
    return ConfigLoader.load(doc, "lint-dirty");
  }
}
