package io.aurelius.core.protocol.btauth;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.KeyScheme;
import java.util.Map;
import java.util.Optional;

/**
 * The signature scheme the server trusts for each sender, from its own configuration or the chain's
 * account registry, never from the request: a bare ss58 address does not say its scheme, and the
 * {@code X-Bittensor-Crypto} header is the caller's claim.
 */
@FunctionalInterface
public interface SchemePins {
  /** The pinned scheme of {@code senderSs58}, or empty if the server does not know the sender. */
  Optional<KeyScheme> schemeOf(String senderSs58);

  /** Pins from a fixed map, copied. */
  static SchemePins of(Map<String, KeyScheme> pins) {
    Map<String, KeyScheme> copy = Map.copyOf(requireNonNull(pins, "pins"));
    return sender -> Optional.ofNullable(copy.get(sender));
  }

  /** Every sender pinned to one scheme (e.g. a subnet whose hotkeys are all sr25519). */
  static SchemePins all(KeyScheme scheme) {
    requireNonNull(scheme, "scheme");
    return sender -> Optional.of(scheme);
  }
}
