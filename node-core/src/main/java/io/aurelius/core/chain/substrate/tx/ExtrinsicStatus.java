package io.aurelius.core.chain.substrate.tx;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.chain.substrate.scale.Bytes;
import java.util.Optional;

/**
 * One notification of {@code author_submitAndWatchExtrinsic} (Substrate's {@code
 * TransactionStatus}): a bare string ({@code "ready"}) or an object with one key ({@code
 * {"inBlock": "0x.."}}). Some statuses end the watch.
 */
public sealed interface ExtrinsicStatus {
  /** Whether no further status follows. */
  default boolean terminal() {
    return false;
  }

  /** In the pool; {@code name} is {@code future}, {@code ready}, {@code broadcast}. */
  record Pooled(String name) implements ExtrinsicStatus {}

  record InBlock(Bytes block) implements ExtrinsicStatus {}

  /** The block it was in is no longer on the best chain; another status follows. */
  record Retracted(Bytes block) implements ExtrinsicStatus {}

  record Finalized(Bytes block) implements ExtrinsicStatus {
    @Override
    public boolean terminal() {
      return true;
    }
  }

  /**
   * Left the pool without being finalized: {@code invalid}, {@code dropped}, {@code usurped} (by
   * another extrinsic with the same nonce) or {@code finalityTimeout}.
   */
  record Ended(String name, Optional<Bytes> block) implements ExtrinsicStatus {
    @Override
    public boolean terminal() {
      return true;
    }
  }

  static ExtrinsicStatus parse(JsonNode node) {
    if (node != null && node.isTextual()) {
      String s = node.textValue();
      return switch (s) {
        case "future", "ready" -> new Pooled(s);
        case "invalid", "dropped" -> new Ended(s, Optional.empty());
        default -> throw unknown(node);
      };
    }
    if (node == null || !node.isObject() || node.size() != 1) {
      throw unknown(node);
    }
    String key = node.fieldNames().next();
    JsonNode v = node.get(key);
    return switch (key) {
      case "broadcast" -> new Pooled("broadcast");
      case "inBlock" -> new InBlock(hash(key, v));
      case "retracted" -> new Retracted(hash(key, v));
      case "finalized" -> new Finalized(hash(key, v));
      case "usurped", "finalityTimeout" -> new Ended(key, Optional.of(hash(key, v)));
      default -> throw unknown(node);
    };
  }

  private static Bytes hash(String key, JsonNode v) {
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException(
          "extrinsic status " + key + ": " + v + " (expected: a 0x-hex block hash)");
    }
    Bytes b = Bytes.fromHex(v.textValue());
    if (b.length() != 32) {
      throw new IllegalArgumentException(
          "extrinsic status " + key + ": " + b.length() + "-byte hash (expected: 32)");
    }
    return b;
  }

  private static IllegalArgumentException unknown(JsonNode node) {
    String s = String.valueOf(node);
    return new IllegalArgumentException(
        "extrinsic status "
            + (s.length() > 80 ? s.substring(0, 80) + "…" : s)
            + " (expected: future, ready, broadcast, inBlock, retracted, finalized, usurped,"
            + " finalityTimeout, dropped or invalid)");
  }
}
