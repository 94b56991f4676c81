package io.aurelius.validator.modules;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.anchoring.covenant.Covenant;
import io.aurelius.anchoring.covenant.CovenantLog;
import io.aurelius.anchoring.covenant.InvalidCovenantException;
import io.aurelius.anchoring.log.LogException;
import io.aurelius.config.module.Adoption;
import io.aurelius.config.module.WorldModelVersion;
import io.aurelius.core.json.Json;
import java.util.List;
import java.util.Optional;

/**
 * Anchors world-model adoptions in the covenant: each adoption is a covenant amendment whose
 * parameters patch sets {@code worldModel.version} and adds {@code worldModel.modules.<name>:
 * <id>}, so the covenant log (a signed, witnessed Merkle log in git) fixes the order of versions
 * and a registry can be checked against the covenant in force.
 */
public final class WorldModelAmendments {
  public static final String PARAMETER = "worldModel";

  private WorldModelAmendments() {}

  /** The amendment that records {@code adoption} after the covenant in force. */
  public static ObjectNode amendment(Covenant current, Adoption adoption) {
    requireNonNull(current, "current");
    requireNonNull(adoption, "adoption");
    ObjectNode a =
        Json.newObject()
            .put("schema", Covenant.SCHEMA)
            .put("type", "amendment")
            .put("amends", current.latest().hex())
            .put(
                "rationale",
                "Adopt "
                    + adoption.module().kind().json()
                    + " "
                    + adoption.module().name()
                    + " ("
                    + adoption.signatures().size()
                    + " validator signatures): world model "
                    + adoption.version().number()
                    + ".");
    ObjectNode wm = a.putObject("changes").putObject("parameters").putObject(PARAMETER);
    wm.put("version", adoption.version().toString());
    wm.putObject("modules").put(adoption.module().name(), adoption.module().id().hex());
    return a;
  }

  /** Appends the amendment of {@code adoption} to the covenant log. */
  public static void anchor(CovenantLog log, Adoption adoption)
      throws LogException, InvalidCovenantException {
    Covenant current = log.current();
    Optional<WorldModelVersion> recorded = version(current);
    WorldModelVersion expected = recorded.orElse(WorldModelVersion.BASE);
    if (!adoption.previous().equals(expected)) {
      throw new IllegalArgumentException(
          "adoption of "
              + adoption.module().name()
              + " follows world model "
              + adoption.previous()
              + " (expected: "
              + expected
              + ", the covenant's)");
    }
    log.amend(amendment(current, adoption));
  }

  /**
   * The adoptions the covenant does not anchor yet, oldest first: those after the version it names
   * (all of them when it names none).
   *
   * @throws IllegalStateException (one line) when the covenant names a version that is not in
   *     {@code adoptions} (a registry behind the covenant, or on another line of adoptions)
   */
  public static List<Adoption> unanchored(Covenant covenant, List<Adoption> adoptions) {
    Optional<WorldModelVersion> named = version(covenant);
    if (named.isEmpty() || named.get().equals(WorldModelVersion.BASE)) {
      return List.copyOf(adoptions);
    }
    for (int i = 0; i < adoptions.size(); i++) {
      if (adoptions.get(i).version().equals(named.get())) {
        return List.copyOf(adoptions.subList(i + 1, adoptions.size()));
      }
    }
    throw new IllegalStateException(
        "world model "
            + (adoptions.isEmpty()
                ? WorldModelVersion.BASE
                : adoptions.get(adoptions.size() - 1).version())
            + " does not follow the covenant's "
            + named.get()
            + " (expected: a registry that holds the covenant's version)");
  }

  /** The world-model version the covenant in force names (none before the first adoption). */
  public static Optional<WorldModelVersion> version(Covenant covenant) {
    JsonNode v = covenant.parameters().path(PARAMETER).path("version");
    return v.isTextual() ? Optional.of(WorldModelVersion.parse(v.textValue())) : Optional.empty();
  }
}
