package io.aurelius.core.protocol.btauth;

import io.aurelius.core.protocol.ProtocolStatus;

/**
 * Why a btauth/1 request was refused. The first five are the spec's {@code AuthError} subclasses
 * (all 401); the others are the server policy the spec leaves to the application.
 */
public enum BtAuthReason {
  /** A header is missing, duplicated, too long or unparseable, or the version is not 1. */
  MALFORMED_AUTH("MalformedAuth", ProtocolStatus.UNAUTHORIZED),
  /** Signed for another receiver, or (when the server requires it) for no receiver. */
  WRONG_RECEIVER("WrongReceiver", ProtocolStatus.UNAUTHORIZED),
  /** The nonce is older than the freshness window or too far in the future. */
  STALE_REQUEST("StaleRequest", ProtocolStatus.UNAUTHORIZED),
  /** This (hotkey, nonce) pair was already accepted inside the window. */
  REPLAYED_REQUEST("ReplayedRequest", ProtocolStatus.UNAUTHORIZED),
  /**
   * The signature does not verify under the pinned scheme, or the scheme header contradicts the pin
   * (the SDK's message for that case: "trusted sender scheme").
   */
  BAD_SIGNATURE("BadSignature", ProtocolStatus.UNAUTHORIZED),
  /**
   * The server pins no scheme for the claimed sender, so it cannot verify it (the guide's FastAPI
   * recipe answers 401 "Unknown sender scheme" before calling verify).
   */
  UNKNOWN_SENDER("UnknownSender", ProtocolStatus.UNAUTHORIZED),
  /**
   * The replay store is full of live entries; the request was authentic but cannot be recorded, so
   * it is not accepted (retry later).
   */
  REPLAY_STORE_FULL("ReplayStoreFull", ProtocolStatus.UNAVAILABLE),
  /** Authenticated, but the server's policy does not admit this caller (the guide's 403). */
  UNWELCOME("Unwelcome", ProtocolStatus.FORBIDDEN);

  private final String wireName;
  private final ProtocolStatus status;

  BtAuthReason(String wireName, ProtocolStatus status) {
    this.wireName = wireName;
    this.status = status;
  }

  /**
   * The error's name, as the Python SDK's exception class is called (e.g. {@code StaleRequest}).
   */
  public String wireName() {
    return wireName;
  }

  public ProtocolStatus status() {
    return status;
  }
}
