package io.aurelius.core.chain.extrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.chain.Receipt;
import io.aurelius.core.chain.RejectReason;
import java.util.Iterator;
import java.util.Set;

/**
 * The JSON form of a {@link Receipt}: {@code {"accepted": true, "extrinsic_hash": …, "block": n}}
 * or {@code {"accepted": false, "reason": "wrong_nonce", "message": …}}.
 */
public final class ReceiptCodec {
  private static final Set<String> FIELDS =
      Set.of("accepted", "extrinsic_hash", "block", "reason", "message");

  private ReceiptCodec() {}

  public static ObjectNode toTree(Receipt receipt) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("accepted", receipt.accepted());
    if (receipt instanceof Receipt.Accepted a) {
      o.put("extrinsic_hash", a.extrinsicHash());
      o.put("block", a.block());
    } else if (receipt instanceof Receipt.Rejected r) {
      o.put("reason", r.reason().code());
      o.put("message", r.message());
    }
    return o;
  }

  /** Reads a receipt; a bad one is an {@link IllegalArgumentException} with a one-line message. */
  public static Receipt fromTree(JsonNode node, String what) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(what + ": not an object (expected: a receipt)");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!FIELDS.contains(name)) {
        throw new IllegalArgumentException(what + ": unknown field '" + name + "'");
      }
    }
    JsonNode accepted = node.get("accepted");
    if (accepted == null || !accepted.isBoolean()) {
      throw new IllegalArgumentException(what + ": accepted is missing (expected: true or false)");
    }
    if (accepted.booleanValue()) {
      JsonNode hash = node.get("extrinsic_hash");
      JsonNode block = node.get("block");
      if (hash == null
          || !hash.isTextual()
          || block == null
          || !block.canConvertToLong()
          || block.longValue() < 0) {
        throw new IllegalArgumentException(
            what + ": an accepted receipt needs extrinsic_hash and block");
      }
      return new Receipt.Accepted(hash.textValue(), block.longValue());
    }
    JsonNode reason = node.get("reason");
    JsonNode message = node.get("message");
    if (reason == null || !reason.isTextual() || message == null || !message.isTextual()) {
      throw new IllegalArgumentException(what + ": a rejected receipt needs reason and message");
    }
    return new Receipt.Rejected(RejectReason.fromCode(reason.textValue()), message.textValue());
  }
}
