package io.aurelius.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.config.validation.Limits;
import io.aurelius.config.validation.Problem;
import io.aurelius.core.json.Json;
import java.util.List;

/** Test documents: catalogue scenarios as mutable trees, and problem lists as strings. */
public final class Fixtures {
  private Fixtures() {}

  public static ObjectNode catalogue(String name) {
    byte[] bytes = Catalogue.bytes(name).orElseThrow();
    return (ObjectNode) Json.parse(bytes, name, Limits.JSON);
  }

  public static ObjectNode commons() {
    return catalogue("oyster_reef_commons");
  }

  public static List<String> problems(JsonNode doc) {
    return ConfigLoader.validate(doc).problems().stream().map(Problem::toString).toList();
  }

  public static ObjectNode at(JsonNode doc, String pointer) {
    return (ObjectNode) doc.at(pointer);
  }
}
