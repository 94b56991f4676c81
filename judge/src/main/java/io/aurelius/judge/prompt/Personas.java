package io.aurelius.judge.prompt;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.judge.data.BundledData;
import io.aurelius.judge.data.Fields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The persona catalogue ({@code "format": "aurelius.personas/1"}); the bundled one has six. */
public record Personas(List<Persona> all) {
  public static final String RESOURCE = "judge/personas.json";
  private static final JsonLimits LIMITS = new JsonLimits(64 * 1024, 8, 4096);

  public Personas {
    all = List.copyOf(all);
  }

  public static Personas bundled() {
    return parse(BundledData.read(RESOURCE), RESOURCE);
  }

  public static Personas parse(byte[] bytes, String what) {
    requireNonNull(bytes, "bytes");
    JsonNode root = Json.parse(bytes, what, LIMITS);
    Fields top = Fields.of(root, what, Set.of("format", "version", "description", "personas"));
    if (!"aurelius.personas/1".equals(top.text("format"))) {
      throw new JsonInputException(
          what + ".format: '" + top.text("format") + "' (expected: aurelius.personas/1)");
    }
    Map<String, Persona> byKey = new LinkedHashMap<>();
    for (Fields.Element e : top.array("personas")) {
      Fields f = e.fields(Set.of("key", "name", "attends", "guard"));
      Persona p;
      try {
        p = new Persona(f.text("key"), f.text("name"), f.text("attends"), f.text("guard"));
      } catch (IllegalArgumentException ex) {
        throw new JsonInputException(e.at() + ": " + ex.getMessage());
      }
      if (byKey.put(p.key(), p) != null) {
        throw new JsonInputException(e.at() + ".key: " + p.key() + " repeated");
      }
    }
    return new Personas(List.copyOf(byKey.values()));
  }

  public Optional<Persona> find(String key) {
    return all.stream().filter(p -> p.key().equals(key)).findFirst();
  }

  /** The persona with this key, or a one-line error listing the known ones. */
  public Persona require(String key) {
    return find(key)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "persona: '"
                        + key
                        + "' (expected one of "
                        + all.stream().map(Persona::key).toList()
                        + ")"));
  }
}
