package io.aurelius.worldmodel.transcript;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.json.Json;
import io.aurelius.worldmodel.mechanics.MechanicFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One step as it happened, in the order it was worked out: the events that fired, every agent's
 * turn, the contested draws, the clamps of out-of-bounds assignments, the mechanics that failed
 * (each with its reason), what each agent saw follow (its consequences), and the hash of the state
 * after the step.
 */
public record StepRecord(
    int step,
    String phase,
    List<EventRecord> events,
    List<TurnRecord> turns,
    List<DrawRecord> draws,
    List<String> clamps,
    List<MechanicFailure> failures,
    Map<String, List<String>> consequences,
    String stateHash) {
  public StepRecord {
    requireNonNull(phase, "phase");
    events = List.copyOf(events);
    turns = List.copyOf(turns);
    draws = List.copyOf(draws);
    clamps = List.copyOf(clamps);
    failures = List.copyOf(failures);
    Map<String, List<String>> c = new LinkedHashMap<>();
    consequences.forEach((k, v) -> c.put(k, List.copyOf(v)));
    consequences = java.util.Collections.unmodifiableMap(c);
    requireNonNull(stateHash, "stateHash");
  }

  public int invalidActions() {
    return (int) turns.stream().filter(t -> !t.valid()).count();
  }

  public ObjectNode toJson() {
    ObjectNode o = Json.newObject().put("type", "step").put("step", step).put("phase", phase);
    ArrayNode ev = o.putArray("events");
    events.forEach(e -> ev.add(e.toJson()));
    ArrayNode tu = o.putArray("turns");
    turns.forEach(t -> tu.add(t.toJson()));
    ArrayNode dr = o.putArray("draws");
    draws.forEach(d -> dr.add(d.toJson()));
    o.set("clamps", Codec.strings(clamps));
    ArrayNode fa = o.putArray("failures");
    failures.forEach(f -> fa.addObject().put("where", f.where()).put("reason", f.reason()));
    ObjectNode co = o.putObject("consequences");
    consequences.forEach((k, v) -> co.set(k, Codec.strings(v)));
    o.put("state_hash", stateHash);
    return o;
  }

  public static StepRecord fromJson(JsonNode n) {
    String where = "step " + n.path("step").asText("?");
    List<EventRecord> events = new ArrayList<>();
    n.path("events").forEach(e -> events.add(EventRecord.fromJson(e, where + ".events")));
    List<TurnRecord> turns = new ArrayList<>();
    n.path("turns").forEach(t -> turns.add(TurnRecord.fromJson(t, where + ".turns")));
    List<DrawRecord> draws = new ArrayList<>();
    n.path("draws").forEach(d -> draws.add(DrawRecord.fromJson(d, where + ".draws")));
    List<MechanicFailure> failures = new ArrayList<>();
    n.path("failures")
        .forEach(
            f ->
                failures.add(
                    new MechanicFailure(f.path("where").asText(), f.path("reason").asText())));
    Map<String, List<String>> consequences = new LinkedHashMap<>();
    n.path("consequences")
        .properties()
        .forEach(e -> consequences.put(e.getKey(), Codec.strings(e.getValue())));
    return new StepRecord(
        (int) Codec.requireLong(n, "step", where),
        n.path("phase").asText(""),
        events,
        turns,
        draws,
        Codec.strings(n.path("clamps")),
        failures,
        consequences,
        Codec.requireText(n, "state_hash", where));
  }
}
