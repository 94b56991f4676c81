package io.aurelius.worldmodel.transcript;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.json.Json;
import io.aurelius.worldmodel.agent.AgentReply;
import io.aurelius.worldmodel.agent.ReplyOutcome;
import io.aurelius.worldmodel.agent.TokenUsage;
import java.util.List;
import java.util.Optional;

/**
 * An agent's reply as recorded: how the call ended ({@code decided}, {@code malformed}, {@code
 * unavailable}) and why, whether a repair was needed, the raw text, model, sim label, endpoint,
 * calls, latency, tokens and every incident.
 */
public record ReplyRecord(
    String outcome,
    Optional<String> reason,
    boolean repaired,
    String raw,
    String model,
    boolean sim,
    String endpoint,
    int calls,
    long latencyMillis,
    TokenUsage tokens,
    List<String> incidents) {
  public static final String DECIDED = "decided";
  public static final String MALFORMED = "malformed";
  public static final String UNAVAILABLE = "unavailable";

  public ReplyRecord {
    requireNonNull(outcome, "outcome");
    requireNonNull(reason, "reason");
    requireNonNull(raw, "raw");
    requireNonNull(model, "model");
    requireNonNull(endpoint, "endpoint");
    requireNonNull(tokens, "tokens");
    incidents = List.copyOf(incidents);
  }

  public static ReplyRecord of(AgentReply r) {
    String outcome;
    Optional<String> reason = Optional.empty();
    boolean repaired = false;
    if (r.outcome() instanceof ReplyOutcome.Decided d) {
      outcome = DECIDED;
      repaired = d.repaired();
    } else if (r.outcome() instanceof ReplyOutcome.Malformed m) {
      outcome = MALFORMED;
      reason = Optional.of(m.reason());
    } else {
      outcome = UNAVAILABLE;
      reason = Optional.of(((ReplyOutcome.Unavailable) r.outcome()).reason());
    }
    return new ReplyRecord(
        outcome,
        reason,
        repaired,
        r.rawText(),
        r.model(),
        r.sim(),
        r.endpoint(),
        r.calls(),
        r.latency().toMillis(),
        r.tokens(),
        r.incidents());
  }

  public ObjectNode toJson() {
    ObjectNode o = Json.newObject();
    o.put("outcome", outcome);
    o.set("reason", Codec.optionalText(reason));
    o.put("repaired", repaired);
    o.put("raw", raw);
    o.put("model", model);
    o.put("sim", sim);
    o.put("endpoint", endpoint);
    o.put("calls", calls);
    o.put("latency_ms", latencyMillis);
    o.putObject("tokens")
        .put("in", tokens.input())
        .put("out", tokens.output())
        .put("source", tokens.source().name().toLowerCase(java.util.Locale.ROOT));
    o.set("incidents", Codec.strings(incidents));
    return o;
  }

  public static ReplyRecord fromJson(JsonNode n, String where) {
    JsonNode t = n.path("tokens");
    TokenUsage tokens =
        new TokenUsage(
            t.path("in").asLong(),
            t.path("out").asLong(),
            "counted".equals(t.path("source").asText())
                ? TokenUsage.Source.COUNTED
                : TokenUsage.Source.REPORTED);
    return new ReplyRecord(
        Codec.requireText(n, "outcome", where),
        Codec.optionalText(n.get("reason")),
        n.path("repaired").asBoolean(),
        Codec.requireText(n, "raw", where),
        Codec.requireText(n, "model", where),
        n.path("sim").asBoolean(),
        n.path("endpoint").asText(""),
        n.path("calls").asInt(),
        n.path("latency_ms").asLong(),
        tokens,
        Codec.strings(n.path("incidents")));
  }
}
