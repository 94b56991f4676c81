package io.aurelius.judge.evidence;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.config.ConfigLoader;
import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import java.util.ArrayList;
import java.util.List;

/**
 * The development set: the bundled catalogue (GOOD) and degraded copies of it (BAD), made by {@link
 * Degradation}. The judge's features are tuned on this set only; the SN37 examples stay out of
 * sample.
 */
public final class DevSet {
  /** Which degraded copies to make. */
  public enum Coverage {
    /** Every degradation of every catalogue scenario. */
    ALL,
    /** One degradation per scenario, the kinds taken in turn (a third of the cost). */
    ROTATE,
    /** None. */
    NONE
  }

  private DevSet() {}

  /** The degraded copies (source {@code dev:<kind>:<name>}, label BAD), in catalogue order. */
  public static List<Scenario> degraded(Coverage coverage) {
    requireNonNull(coverage, "coverage");
    List<Scenario> out = new ArrayList<>();
    Degradation[] kinds = Degradation.values();
    List<String> names = Catalogue.names();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      JsonNode doc = Json.parse(Catalogue.bytes(name).orElseThrow(), name, JsonLimits.UNTRUSTED);
      for (int k = 0; k < kinds.length; k++) {
        boolean take =
            switch (coverage) {
              case ALL -> true;
              case ROTATE -> k == i % kinds.length;
              case NONE -> false;
            };
        if (take) {
          out.add(
              new Scenario(
                  "dev:" + kinds[k].label() + ":" + name,
                  Label.BAD,
                  ConfigLoader.load(kinds[k].apply(doc), "dev/" + kinds[k].label() + "/" + name)));
        }
      }
    }
    return out;
  }
}
