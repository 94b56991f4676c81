package io.aurelius.core.chain.dev;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.Endpoint;
import io.aurelius.core.chain.Role;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.identity.KeyId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The dev chain's first state: hyperparameters, the authority that signs blocks, the subnet owner's
 * hotkey (optional), funded coldkeys and neurons registered from block 0 with stake. Its canonical
 * JSON ({@link GenesisCodec}) is stored in block 0, and its SHA-256 is the chain id every extrinsic
 * signs over.
 */
public record Genesis(
    SubnetParams params,
    Optional<KeyId> authority,
    Optional<KeyId> ownerHotkey,
    List<Account> accounts,
    List<Neuron> neurons) {
  public Genesis {
    requireNonNull(params, "params");
    requireNonNull(authority, "authority");
    requireNonNull(ownerHotkey, "ownerHotkey");
    accounts = List.copyOf(accounts);
    neurons = List.copyOf(neurons);
    if (neurons.size() > params.maxUids()) {
      throw new IllegalArgumentException(
          "neurons: " + neurons.size() + " (expected: at most max-uids " + params.maxUids() + ")");
    }
    Set<KeyId> coldkeys = new HashSet<>();
    for (Account a : accounts) {
      if (!coldkeys.add(a.coldkey())) {
        throw new IllegalArgumentException("accounts: coldkey " + a.coldkey() + " appears twice");
      }
    }
    Set<KeyId> hotkeys = new HashSet<>();
    long total = 0;
    for (Neuron n : neurons) {
      if (!hotkeys.add(n.hotkey())) {
        throw new IllegalArgumentException("neurons: hotkey " + n.hotkey() + " appears twice");
      }
      if (coldkeys.contains(n.hotkey())) {
        throw new IllegalArgumentException(
            "neurons: hotkey " + n.hotkey() + " is also a funded coldkey");
      }
      total = addAmount(total, n.stake());
    }
    for (Account a : accounts) {
      total = addAmount(total, a.balance());
    }
  }

  /** The same genesis with its block-signing authority fixed. */
  public Genesis withAuthority(KeyId key) {
    return new Genesis(params, Optional.of(key), ownerHotkey, accounts, neurons);
  }

  /** Everything issued at genesis: balances plus stake. */
  public long issuance() {
    long total = 0;
    for (Account a : accounts) {
      total += a.balance();
    }
    for (Neuron n : neurons) {
      total += n.stake();
    }
    return total;
  }

  private static long addAmount(long total, long amount) {
    long sum = total + amount;
    if (sum > SubnetParams.MAX_AMOUNT) {
      throw new IllegalArgumentException(
          "genesis issues more than "
              + SubnetParams.MAX_AMOUNT
              + " in total (expected: amounts that stay exact in JSON)");
    }
    return sum;
  }

  /** A funded coldkey. */
  public record Account(KeyId coldkey, long balance) {
    public Account {
      requireNonNull(coldkey, "coldkey");
      if (balance < 0 || balance > SubnetParams.MAX_AMOUNT) {
        throw new IllegalArgumentException(
            "balance: " + balance + " (expected: 0.." + SubnetParams.MAX_AMOUNT + ")");
      }
    }
  }

  /** A hotkey of {@code scheme} registered at block 0 under {@code coldkey}, with stake. */
  public record Neuron(
      KeyId hotkey, KeyScheme scheme, KeyId coldkey, Role role, Endpoint endpoint, long stake) {
    public Neuron {
      requireNonNull(hotkey, "hotkey");
      requireNonNull(scheme, "scheme");
      requireNonNull(coldkey, "coldkey");
      requireNonNull(role, "role");
      requireNonNull(endpoint, "endpoint");
      if (stake < 0 || stake > SubnetParams.MAX_AMOUNT) {
        throw new IllegalArgumentException(
            "stake: " + stake + " (expected: 0.." + SubnetParams.MAX_AMOUNT + ")");
      }
      if (hotkey.equals(coldkey)) {
        throw new IllegalArgumentException(
            "neuron " + hotkey + ": hotkey and coldkey are the same key");
      }
    }
  }
}
