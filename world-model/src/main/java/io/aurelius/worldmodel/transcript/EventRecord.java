package io.aurelius.worldmodel.transcript;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.json.Json;
import java.util.List;

/** An event that fired at the start of a step: its narration and who saw it. */
public record EventRecord(String name, String narration, List<String> seenBy) {
  public EventRecord {
    requireNonNull(name, "name");
    requireNonNull(narration, "narration");
    seenBy = List.copyOf(seenBy);
  }

  public ObjectNode toJson() {
    ObjectNode o = Json.newObject().put("name", name).put("narration", narration);
    o.set("seen_by", Codec.strings(seenBy));
    return o;
  }

  public static EventRecord fromJson(JsonNode n, String where) {
    return new EventRecord(
        Codec.requireText(n, "name", where),
        n.path("narration").asText(""),
        Codec.strings(n.path("seen_by")));
  }
}
