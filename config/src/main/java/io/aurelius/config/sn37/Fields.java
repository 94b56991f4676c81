package io.aurelius.config.sn37;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.json.JsonInputException;
import java.util.Optional;

/**
 * Reads the fields of an SN37 message as its pydantic model does: a {@code str} field with a
 * default may be absent but not null; a {@code str | None} or {@code dict | None} field may be
 * absent or null. A value of another type is an error naming the field. Fields the model does not
 * know are ignored, as pydantic ignores them: SN37 only ever adds optional fields (its versioning
 * policy in {@code aurelius/protocol.py}), so a newer peer stays readable.
 */
final class Fields {
  private final ObjectNode object;
  private final String what;

  private Fields(ObjectNode object, String what) {
    this.object = object;
    this.what = what;
  }

  static Fields of(JsonNode node, String what) {
    if (!(node instanceof ObjectNode object)) {
      throw new JsonInputException(
          what + ": $: a JSON " + node.getNodeType().name().toLowerCase() + " (expected: object)");
    }
    return new Fields(object, what);
  }

  String string(String name, String absent) {
    JsonNode v = object.get(name);
    if (v == null) {
      return absent;
    }
    if (!v.isTextual()) {
      throw wrongType(name, v, "a string");
    }
    return v.textValue();
  }

  Optional<String> optionalString(String name) {
    JsonNode v = object.get(name);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw wrongType(name, v, "a string or null");
    }
    return Optional.of(v.textValue());
  }

  Optional<ObjectNode> optionalObject(String name) {
    JsonNode v = object.get(name);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!(v instanceof ObjectNode o)) {
      throw wrongType(name, v, "an object or null");
    }
    return Optional.of(o.deepCopy());
  }

  private JsonInputException wrongType(String name, JsonNode v, String expected) {
    return new JsonInputException(
        what
            + ": $."
            + name
            + ": a JSON "
            + v.getNodeType().name().toLowerCase()
            + " (expected: "
            + expected
            + ")");
  }
}
