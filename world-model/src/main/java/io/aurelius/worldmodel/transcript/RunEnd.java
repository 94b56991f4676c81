package io.aurelius.worldmodel.transcript;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.json.Json;
import java.util.Locale;

/**
 * The last line of a transcript: how the run ended, after how many steps and why, the final state
 * and its hash, and the run's totals.
 */
public record RunEnd(
    Status status,
    int steps,
    String reason,
    JsonNode finalState,
    String finalStateHash,
    Totals totals) {
  public RunEnd {
    requireNonNull(status, "status");
    requireNonNull(reason, "reason");
    finalState = finalState.deepCopy();
    requireNonNull(finalStateHash, "finalStateHash");
    requireNonNull(totals, "totals");
  }

  /** How a run ended. */
  public enum Status {
    /** Ran its maximum number of steps. */
    COMPLETED,
    /** Its termination condition held. */
    TERMINATED,
    /** Stopped by an error outside the configuration's control (recorded in {@code reason}). */
    FAILED;

    public String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Counts over the whole run. */
  public record Totals(
      int turns,
      int aenes,
      int invalidActions,
      int mechanicFailures,
      long tokensIn,
      long tokensOut,
      long wallMillis) {
    public Totals plus(Totals o) {
      return new Totals(
          turns + o.turns,
          aenes + o.aenes,
          invalidActions + o.invalidActions,
          mechanicFailures + o.mechanicFailures,
          tokensIn + o.tokensIn,
          tokensOut + o.tokensOut,
          wallMillis + o.wallMillis);
    }

    public static final Totals ZERO = new Totals(0, 0, 0, 0, 0, 0, 0);
  }

  public ObjectNode toJson() {
    ObjectNode o =
        Json.newObject()
            .put("type", "end")
            .put("status", status.json())
            .put("steps", steps)
            .put("reason", reason);
    o.putObject("totals")
        .put("turns", totals.turns())
        .put("aenes", totals.aenes())
        .put("invalid_actions", totals.invalidActions())
        .put("mechanic_failures", totals.mechanicFailures())
        .put("tokens_in", totals.tokensIn())
        .put("tokens_out", totals.tokensOut())
        .put("wall_ms", totals.wallMillis());
    o.put("final_state_hash", finalStateHash);
    o.set("final_state", finalState);
    return o;
  }

  public static RunEnd fromJson(JsonNode n) {
    String s = n.path("status").asText();
    Status status =
        switch (s) {
          case "completed" -> Status.COMPLETED;
          case "terminated" -> Status.TERMINATED;
          case "failed" -> Status.FAILED;
          default ->
              throw new IllegalArgumentException(
                  "end.status: '" + s + "' (expected: completed, terminated or failed)");
        };
    JsonNode t = n.path("totals");
    return new RunEnd(
        status,
        n.path("steps").asInt(),
        n.path("reason").asText(""),
        n.path("final_state"),
        n.path("final_state_hash").asText(""),
        new Totals(
            t.path("turns").asInt(),
            t.path("aenes").asInt(),
            t.path("invalid_actions").asInt(),
            t.path("mechanic_failures").asInt(),
            t.path("tokens_in").asLong(),
            t.path("tokens_out").asLong(),
            t.path("wall_ms").asLong()));
  }
}
