package io.aurelius.validator.epoch;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.NeuronInfo;
import io.aurelius.core.chain.Role;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.transport.PeerEndpoint;
import java.util.Optional;

/**
 * One registered UID as the epoch saw it at sync: hotkey and coldkey (SS58), role, endpoint ({@code
 * host:port}, empty host when not serving), stake, validator permit and the scheme of its hotkey
 * (stored before schemes existed, a member has none and is Ed25519).
 */
public record Member(
    int uid,
    String hotkey,
    String coldkey,
    String role,
    String host,
    int port,
    long stake,
    boolean permit,
    String scheme) {
  public Member {
    requireNonNull(hotkey, "hotkey");
    requireNonNull(coldkey, "coldkey");
    requireNonNull(role, "role");
    requireNonNull(host, "host");
    scheme = scheme == null ? KeyScheme.ED25519.wireName() : scheme;
    KeyScheme.fromWireName(scheme);
  }

  static Member of(NeuronInfo n) {
    boolean serving = n.endpoint().serving();
    return new Member(
        n.uid(),
        n.hotkey().address(),
        n.coldkey().address(),
        n.role().wireName(),
        serving ? n.endpoint().host() : "",
        serving ? n.endpoint().port() : 0,
        n.stake(),
        n.validatorPermit(),
        n.hotkeyScheme().wireName());
  }

  public KeyId key() {
    return KeyId.parse(hotkey);
  }

  public KeyScheme keyScheme() {
    return KeyScheme.fromWireName(scheme);
  }

  public boolean validatorRole() {
    return Role.VALIDATOR.wireName().equals(role);
  }

  public boolean minerRole() {
    return Role.MINER.wireName().equals(role);
  }

  /** Where to reach it, if it serves. */
  public Optional<PeerEndpoint> endpoint() {
    return host.isEmpty() || port < 1
        ? Optional.empty()
        : Optional.of(new PeerEndpoint(host, port, key(), keyScheme()));
  }
}
