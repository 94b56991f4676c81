package io.aurelius.worldmodel.transcript;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.model.Framing;
import io.aurelius.config.module.WorldModelVersion;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One agent turn, the atomic unit of moral reasoning: which configuration, agent, step, framing and
 * seed; what the agent observed (its system and user messages); its reasoning; the action it chose
 * with parameters, and whether the world let it happen; the consequences it saw next; the model,
 * whether that model is the embedded simulation ({@code sim}), and tokens. Only turns where the
 * model answered within the schema are aenes. {@link #id()} is the SHA-256 of the canonical JSON
 * form.
 */
public record Aene(
    ContentId configId,
    String configName,
    String agent,
    int step,
    Framing framing,
    long seed,
    String system,
    String observation,
    String reasoning,
    String action,
    Map<String, Object> params,
    boolean valid,
    Optional<String> invalidReason,
    List<String> consequences,
    String model,
    boolean sim,
    long tokensIn,
    long tokensOut,
    WorldModelVersion worldModel) {
  public Aene {
    requireNonNull(worldModel, "worldModel");
    requireNonNull(configId, "configId");
    requireNonNull(configName, "configName");
    requireNonNull(agent, "agent");
    requireNonNull(framing, "framing");
    requireNonNull(system, "system");
    requireNonNull(observation, "observation");
    requireNonNull(reasoning, "reasoning");
    requireNonNull(action, "action");
    params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    requireNonNull(invalidReason, "invalidReason");
    consequences = List.copyOf(consequences);
    requireNonNull(model, "model");
  }

  /** An aene of the base world model (version 0). */
  public Aene(
      ContentId configId,
      String configName,
      String agent,
      int step,
      Framing framing,
      long seed,
      String system,
      String observation,
      String reasoning,
      String action,
      Map<String, Object> params,
      boolean valid,
      Optional<String> invalidReason,
      List<String> consequences,
      String model,
      boolean sim,
      long tokensIn,
      long tokensOut) {
    this(
        configId,
        configName,
        agent,
        step,
        framing,
        seed,
        system,
        observation,
        reasoning,
        action,
        params,
        valid,
        invalidReason,
        consequences,
        model,
        sim,
        tokensIn,
        tokensOut,
        WorldModelVersion.BASE);
  }

  public ContentId id() {
    return CanonicalJson.id(toJson());
  }

  public ObjectNode toJson() {
    ObjectNode o = Json.newObject();
    o.put("config_id", configId.hex())
        .put("config_name", configName)
        .put("agent", agent)
        .put("step", step)
        .put("framing", framing.json())
        .put("seed", seed);
    o.putObject("observation").put("system", system).put("user", observation);
    o.put("reasoning", reasoning).put("action", action);
    o.set("params", Codec.scalars(params));
    o.put("valid", valid);
    o.set("invalid_reason", Codec.optionalText(invalidReason));
    o.set("consequences", Codec.strings(consequences));
    o.put("model", model).put("sim", sim);
    o.putObject("tokens").put("in", tokensIn).put("out", tokensOut);
    // Absent for the base world model, so aenes (and their ids) from before modules are unchanged.
    if (!worldModel.equals(WorldModelVersion.BASE)) {
      o.put("world_model", worldModel.toString());
    }
    return o;
  }

  public static Aene fromJson(JsonNode n) {
    String where = "aene";
    String framing = Codec.requireText(n, "framing", where);
    return new Aene(
        ContentId.parse(Codec.requireText(n, "config_id", where)),
        Codec.requireText(n, "config_name", where),
        Codec.requireText(n, "agent", where),
        (int) Codec.requireLong(n, "step", where),
        "control".equals(framing) ? Framing.CONTROL : Framing.IMMERSIVE,
        Codec.requireLong(n, "seed", where),
        n.path("observation").path("system").asText(),
        n.path("observation").path("user").asText(),
        Codec.requireText(n, "reasoning", where),
        Codec.requireText(n, "action", where),
        Codec.scalars(n.path("params")),
        n.path("valid").asBoolean(),
        Codec.optionalText(n.get("invalid_reason")),
        Codec.strings(n.path("consequences")),
        Codec.requireText(n, "model", where),
        n.path("sim").asBoolean(),
        n.path("tokens").path("in").asLong(),
        n.path("tokens").path("out").asLong(),
        n.has("world_model")
            ? WorldModelVersion.parse(Codec.requireText(n, "world_model", where))
            : WorldModelVersion.BASE);
  }

  /**
   * The aenes of a run: every turn whose reply was decided, with the consequences its agent saw.
   */
  public static List<Aene> of(TranscriptHeader header, List<StepRecord> steps) {
    List<Aene> out = new java.util.ArrayList<>();
    for (StepRecord s : steps) {
      for (TurnRecord t : s.turns()) {
        if (!t.reply().outcome().equals(ReplyRecord.DECIDED) || t.action().isEmpty()) {
          continue;
        }
        out.add(
            new Aene(
                header.configId(),
                header.configName(),
                t.agent(),
                s.step(),
                header.framing(),
                header.seed(),
                t.system(),
                t.user(),
                t.reasoning(),
                t.action().get(),
                t.params(),
                t.valid(),
                t.invalidReason(),
                s.consequences().getOrDefault(t.agent(), List.of()),
                t.reply().model(),
                t.reply().sim() || header.sim(),
                t.reply().tokens().input(),
                t.reply().tokens().output(),
                header.worldModel()));
      }
    }
    return out;
  }
}
