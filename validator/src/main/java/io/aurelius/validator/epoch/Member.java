package io.aurelius.validator.epoch;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.NeuronInfo;
import io.aurelius.core.chain.Role;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.transport.PeerEndpoint;
import java.util.Optional;

/**
 * One registered UID as the epoch saw it at sync: hotkey and coldkey (SS58), role, endpoint ({@code
 * host:port}, empty host when not serving), stake and validator permit.
 */
public record Member(
    int uid,
    String hotkey,
    String coldkey,
    String role,
    String host,
    int port,
    long stake,
    boolean permit) {
  public Member {
    requireNonNull(hotkey, "hotkey");
    requireNonNull(coldkey, "coldkey");
    requireNonNull(role, "role");
    requireNonNull(host, "host");
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
        n.validatorPermit());
  }

  public KeyId key() {
    return KeyId.parse(hotkey);
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
        : Optional.of(new PeerEndpoint(host, port, key()));
  }
}
