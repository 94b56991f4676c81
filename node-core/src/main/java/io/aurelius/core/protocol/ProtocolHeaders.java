package io.aurelius.core.protocol;

import io.aurelius.core.identity.KeyId;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the node adds to btauth/1 ({@link io.aurelius.core.protocol.btauth.BtAuthHeaders} carries
 * the six {@code X-Bittensor-*} headers): the request id every response carries, the path prefix of
 * the node's own signed routes, and a cache of parsed sender addresses.
 */
public final class ProtocolHeaders {
  /** Set by the server on every response; quoted in error bodies and logs. */
  public static final String REQUEST_ID = "x-aurelius-request-id";

  /** The path prefix of the node's own signed routes: {@code POST /v1/<route>}. */
  public static final String ROUTE_PREFIX = "/v1/";

  /** Parsed addresses (base58 and a BLAKE2b checksum each time otherwise); cleared when full. */
  private static final int MAX_CACHED_KEYS = 4096;

  private static final ConcurrentHashMap<String, KeyId> KEYS = new ConcurrentHashMap<>();

  private ProtocolHeaders() {}

  /** Parses an address from a header; a bad one is a 400 {@link RefusalException}. */
  public static KeyId parseKeyId(String header, String value) {
    KeyId cached = KEYS.get(value);
    if (cached != null) {
      return cached;
    }
    KeyId parsed;
    try {
      parsed = KeyId.parse(value);
    } catch (IllegalArgumentException e) {
      throw new RefusalException(
          Refusal.of(
              ProtocolStatus.BAD_REQUEST, "BadHeader", "header " + header + ": " + e.getMessage()));
    }
    if (KEYS.size() >= MAX_CACHED_KEYS) {
      KEYS.clear();
    }
    KEYS.put(value, parsed);
    return parsed;
  }
}
