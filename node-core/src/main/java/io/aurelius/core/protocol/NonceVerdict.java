package io.aurelius.core.protocol;

/** What the nonce window says about one (sender, uuid, nonce). */
public enum NonceVerdict {
  ACCEPTED,
  /** Older than the allowed delta. */
  STALE,
  /** Not newer than the last nonce seen from this sender and uuid. */
  REPLAYED,
  /** Further in the future than the allowed clock skew. */
  FUTURE,
  /** The sender already holds the maximum number of live sessions (uuids). */
  TOO_MANY_SESSIONS
}
