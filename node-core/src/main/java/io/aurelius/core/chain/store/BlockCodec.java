package io.aurelius.core.chain.store;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.chain.extrinsic.Extrinsic;
import io.aurelius.core.chain.extrinsic.ExtrinsicCodec;
import io.aurelius.core.chain.extrinsic.MalformedExtrinsicException;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** The JSON form of blocks. Stored blocks must be exactly their canonical bytes. */
public final class BlockCodec {
  /** A stored block may not exceed 16 MiB. */
  public static final JsonLimits LIMITS = new JsonLimits(16 << 20, 16, 64 * 1024);

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final Set<String> BLOCK_FIELDS =
      Set.of("number", "parent", "chain", "timestamp_ms", "extrinsics", "state_root");

  private BlockCodec() {}

  public static ObjectNode blockToTree(Block b) {
    ObjectNode o = F.objectNode();
    o.put("number", b.number());
    o.put("parent", b.parent());
    o.put("chain", b.chainId());
    o.put("timestamp_ms", b.timestampMillis());
    ArrayNode xs = o.putArray("extrinsics");
    for (Extrinsic x : b.extrinsics()) {
      xs.add(ExtrinsicCodec.toTree(x));
    }
    o.put("state_root", b.stateRoot());
    return o;
  }

  public static ObjectNode toTree(SignedBlock s) {
    ObjectNode o = F.objectNode();
    o.set("block", blockToTree(s.block()));
    o.put("signature", s.signature());
    return o;
  }

  /**
   * Reads a stored block. {@code what} names it in errors, which are {@link
   * IllegalArgumentException}s with a one-line message.
   */
  public static SignedBlock fromBytes(byte[] bytes, String what) {
    requireNonNull(bytes, "bytes");
    JsonNode root;
    try {
      root = Json.parse(bytes, what, LIMITS);
    } catch (JsonInputException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (!Arrays.equals(CanonicalJson.bytes(root), bytes)) {
      throw new IllegalArgumentException(
          what + ": not in canonical form (expected: RFC 8785 bytes)");
    }
    return fromTree(root, what);
  }

  public static SignedBlock fromTree(JsonNode root, String what) {
    fields(root, what, Set.of("block", "signature"));
    JsonNode b = root.get("block");
    fields(b, what + ": block", BLOCK_FIELDS);
    JsonNode xs = b.get("extrinsics");
    if (!xs.isArray()) {
      throw new IllegalArgumentException(what + ": extrinsics is not an array");
    }
    long number = integer(b, "number", what);
    List<Extrinsic> extrinsics = new ArrayList<>(xs.size());
    for (int i = 0; i < xs.size(); i++) {
      try {
        extrinsics.add(ExtrinsicCodec.fromTree(xs.get(i), what + " extrinsic " + i));
      } catch (MalformedExtrinsicException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
    }
    try {
      Block block =
          new Block(
              number,
              text(b, "parent", what),
              text(b, "chain", what),
              integer(b, "timestamp_ms", what),
              extrinsics,
              text(b, "state_root", what));
      return new SignedBlock(block, text(root, "signature", what));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
    }
  }

  private static void fields(JsonNode node, String what, Set<String> expected) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(what + ": not an object");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!expected.contains(name)) {
        throw new IllegalArgumentException(what + ": unknown field '" + name + "'");
      }
    }
    for (String name : new java.util.TreeSet<>(expected)) {
      if (!node.has(name)) {
        throw new IllegalArgumentException(what + ": field '" + name + "' is missing");
      }
    }
  }

  private static long integer(JsonNode node, String field, String what) {
    JsonNode v = node.get(field);
    if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
      throw new IllegalArgumentException(what + ": " + field + " is not a non-negative integer");
    }
    return v.longValue();
  }

  private static String text(JsonNode node, String field, String what) {
    JsonNode v = node.get(field);
    if (!v.isTextual() || v.textValue().length() > 256) {
      throw new IllegalArgumentException(what + ": " + field + " is not a short string");
    }
    return v.textValue();
  }
}
