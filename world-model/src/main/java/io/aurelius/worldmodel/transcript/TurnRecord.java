package io.aurelius.worldmodel.transcript;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One agent's turn at one step: the rendered observation (system and user messages), the actions
 * offered, the reply, the parsed action (when the reply had one) and whether it was valid; an
 * invalid action is a no-op and {@code invalidReason} says why. {@code reasoning} is the parsed
 * reasoning (empty when the reply had none).
 */
public record TurnRecord(
    String agent,
    String system,
    String user,
    List<String> offered,
    ReplyRecord reply,
    String reasoning,
    Optional<String> action,
    Map<String, Object> params,
    boolean valid,
    Optional<String> invalidReason) {
  public TurnRecord {
    requireNonNull(agent, "agent");
    requireNonNull(system, "system");
    requireNonNull(user, "user");
    offered = List.copyOf(offered);
    requireNonNull(reply, "reply");
    requireNonNull(reasoning, "reasoning");
    requireNonNull(action, "action");
    params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    requireNonNull(invalidReason, "invalidReason");
  }

  public ObjectNode toJson() {
    ObjectNode o = Json.newObject();
    o.put("agent", agent);
    o.putObject("observation").put("system", system).put("user", user);
    o.set("offered", Codec.strings(offered));
    o.set("reply", reply.toJson());
    o.put("reasoning", reasoning);
    o.set("action", Codec.optionalText(action));
    o.set("params", Codec.scalars(params));
    o.put("valid", valid);
    o.set("invalid_reason", Codec.optionalText(invalidReason));
    return o;
  }

  public static TurnRecord fromJson(JsonNode n, String where) {
    return new TurnRecord(
        Codec.requireText(n, "agent", where),
        Codec.requireText(n.path("observation"), "system", where + ".observation"),
        Codec.requireText(n.path("observation"), "user", where + ".observation"),
        Codec.strings(n.path("offered")),
        ReplyRecord.fromJson(n.path("reply"), where + ".reply"),
        n.path("reasoning").asText(""),
        Codec.optionalText(n.get("action")),
        Codec.scalars(n.path("params")),
        n.path("valid").asBoolean(),
        Codec.optionalText(n.get("invalid_reason")));
  }
}
