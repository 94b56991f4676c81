package io.aurelius.core.json;

/**
 * Bounds applied before a document is parsed or while it is: total bytes, nesting depth and the
 * length of one string. Every untrusted document is read under some limits.
 */
public record JsonLimits(int maxBytes, int maxDepth, int maxStringLength) {
  /** Defaults for documents a miner or a peer may send: 1 MiB, 64 levels, 256 KiB strings. */
  public static final JsonLimits UNTRUSTED = new JsonLimits(1 << 20, 64, 256 * 1024);

  public JsonLimits {
    if (maxBytes <= 0 || maxDepth <= 0 || maxStringLength <= 0) {
      throw new IllegalArgumentException(
          "limits must be positive: " + maxBytes + ", " + maxDepth + ", " + maxStringLength);
    }
  }
}
