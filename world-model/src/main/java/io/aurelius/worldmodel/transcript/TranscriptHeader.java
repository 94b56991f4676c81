package io.aurelius.worldmodel.transcript;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.model.Framing;
import io.aurelius.config.module.WorldModelVersion;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.json.Json;
import io.aurelius.worldmodel.mechanics.StepBudget;
import java.time.Duration;
import java.util.List;

/**
 * The first line of a transcript: what was run and how. The configuration document is embedded so a
 * transcript replays on its own, as are the modules it imported, under the world-model version it
 * ran under. {@code sim} says the model is the embedded simulation model (or another stand-in): its
 * output is never real model output.
 */
public record TranscriptHeader(
    ContentId configId,
    String configName,
    JsonNode config,
    long seed,
    Framing framing,
    String model,
    boolean sim,
    List<String> agents,
    StepBudget budget,
    JsonNode initialState,
    String initialStateHash,
    WorldModelVersion worldModel,
    List<JsonNode> modules) {
  public static final String FORMAT = "aurelius.transcript/1";

  public TranscriptHeader {
    requireNonNull(worldModel, "worldModel");
    modules = modules.stream().map(m -> (JsonNode) m.deepCopy()).toList();
    requireNonNull(configId, "configId");
    requireNonNull(configName, "configName");
    config = config.deepCopy();
    requireNonNull(framing, "framing");
    requireNonNull(model, "model");
    agents = List.copyOf(agents);
    requireNonNull(budget, "budget");
    initialState = initialState.deepCopy();
    requireNonNull(initialStateHash, "initialStateHash");
  }

  public ObjectNode toJson() {
    ObjectNode o = Json.newObject().put("type", "header").put("format", FORMAT);
    o.put("config_id", configId.hex()).put("config_name", configName);
    o.put("seed", seed).put("framing", framing.json()).put("model", model).put("sim", sim);
    o.set("agents", Codec.strings(agents));
    o.putObject("budget")
        .put("cel_ms", budget.celTime().toMillis())
        .put("evaluations", budget.maxEvaluations());
    o.set("initial_state", initialState);
    o.put("initial_state_hash", initialStateHash);
    // As text, not as an object: canonical lines sort keys, and declaration order matters to
    // how a world is told (parameters, agents), so the document is kept exactly as it was.
    o.put("config", config.toString());
    o.put("world_model", worldModel.toString());
    if (!modules.isEmpty()) {
      // As text for the same reason: a pack's declaration order is the order it is told in.
      o.set("modules", Codec.strings(modules.stream().map(JsonNode::toString).toList()));
    }
    return o;
  }

  public static TranscriptHeader fromJson(JsonNode n) {
    String where = "header";
    if (!FORMAT.equals(n.path("format").asText())) {
      throw new IllegalArgumentException(
          where + ".format: " + n.path("format") + " (expected: \"" + FORMAT + "\")");
    }
    String framing = Codec.requireText(n, "framing", where);
    Framing f =
        switch (framing) {
          case "immersive" -> Framing.IMMERSIVE;
          case "control" -> Framing.CONTROL;
          default ->
              throw new IllegalArgumentException(
                  where + ".framing: '" + framing + "' (expected: immersive or control)");
        };
    ContentId id;
    try {
      id = ContentId.parse(Codec.requireText(n, "config_id", where));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ".config_id: " + e.getMessage());
    }
    JsonNode config;
    try {
      config =
          io.aurelius.core.json.Json.parse(
              Codec.requireText(n, "config", where),
              where + ".config",
              io.aurelius.core.json.JsonLimits.UNTRUSTED);
    } catch (io.aurelius.core.json.JsonInputException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return new TranscriptHeader(
        id,
        Codec.requireText(n, "config_name", where),
        config,
        Codec.requireLong(n, "seed", where),
        f,
        Codec.requireText(n, "model", where),
        n.path("sim").asBoolean(),
        Codec.strings(n.path("agents")),
        new StepBudget(
            Duration.ofMillis(n.path("budget").path("cel_ms").asLong()),
            n.path("budget").path("evaluations").asInt()),
        n.path("initial_state"),
        Codec.requireText(n, "initial_state_hash", where),
        n.has("world_model")
            ? WorldModelVersion.parse(Codec.requireText(n, "world_model", where))
            : WorldModelVersion.BASE,
        modules(n, where));
  }

  /** The world model before modules existed is version 0: old transcripts read as that. */
  private static List<JsonNode> modules(JsonNode n, String where) {
    List<JsonNode> out = new java.util.ArrayList<>();
    for (String text : Codec.strings(n.path("modules"))) {
      try {
        out.add(
            io.aurelius.core.json.Json.parse(
                text, where + ".modules", io.aurelius.core.json.JsonLimits.UNTRUSTED));
      } catch (io.aurelius.core.json.JsonInputException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
    }
    return out;
  }
}
