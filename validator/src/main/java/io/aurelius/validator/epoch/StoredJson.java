package io.aurelius.validator.epoch;

import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;

/** Records of plain fields (no Optional) to and from the bytes kept in the state store. */
final class StoredJson {
  private static final JsonLimits LIMITS = new JsonLimits(16 << 20, 64, 4 << 20);

  private StoredJson() {}

  static byte[] bytes(Object record) {
    return CanonicalJson.bytes(Json.toTree(record));
  }

  static <T> T read(byte[] bytes, Class<T> type) {
    return Json.convert(
        Json.parse(bytes, "stored " + type.getSimpleName(), LIMITS),
        type,
        "stored " + type.getSimpleName());
  }
}
