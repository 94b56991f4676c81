package io.aurelius.worldmodel.transcript;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** A contested draw on a world variable: what was there, who asked for what, who got what. */
public record DrawRecord(
    String from,
    String resolution,
    Object available,
    Map<String, Object> demanded,
    Map<String, Object> granted) {
  public DrawRecord {
    requireNonNull(from, "from");
    requireNonNull(resolution, "resolution");
    requireNonNull(available, "available");
    demanded = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(demanded));
    granted = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(granted));
  }

  public ObjectNode toJson() {
    ObjectNode o = Json.newObject().put("from", from).put("resolution", resolution);
    o.set("available", Codec.scalar(available));
    o.set("demanded", Codec.scalars(demanded));
    o.set("granted", Codec.scalars(granted));
    return o;
  }

  public static DrawRecord fromJson(JsonNode n, String where) {
    return new DrawRecord(
        Codec.requireText(n, "from", where),
        n.path("resolution").asText(""),
        Codec.scalar(n.path("available")),
        Codec.scalars(n.path("demanded")),
        Codec.scalars(n.path("granted")));
  }
}
