package io.aurelius.core.chain.dev;

import io.aurelius.core.chain.Endpoint;
import io.aurelius.core.chain.Role;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.identity.KeyId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The dev chain's mutable state. Only {@link Transition} (extrinsics), {@link EpochRunner} (epochs)
 * and {@link #openBlock} change it, all under the {@link DevChain}'s lock. Maps are sorted by key
 * so every iteration, and so the {@link StateDigest}, is deterministic.
 */
final class ChainState {
  final Genesis genesis;
  final SubnetParams params;
  final String chainId;
  long block;
  long lastEpochBlock;
  long epochs;
  long issuance;
  int registrationsThisBlock;
  final TreeMap<KeyId, Account> accounts = new TreeMap<>();
  final TreeMap<KeyId, Hotkey> hotkeys = new TreeMap<>();
  final List<Neuron> neurons = new ArrayList<>();
  final TreeMap<KeyId, Integer> uids = new TreeMap<>();
  final TreeMap<KeyId, ArrayDeque<Commit>> commits = new TreeMap<>();

  static final class Account {
    long balance;
    long nonce;
  }

  /**
   * A hotkey the chain has seen registered: its owning coldkey, the scheme its registration proof
   * was under (the scheme nodes pin for its signed requests) and its stake.
   */
  static final class Hotkey {
    final KeyId owner;
    final KeyScheme scheme;
    long stake;

    Hotkey(KeyId owner, KeyScheme scheme) {
      this.owner = owner;
      this.scheme = scheme;
    }
  }

  /** One UID. Proportions are raw I32F32. */
  static final class Neuron {
    KeyId hotkey;
    Role role;
    Endpoint endpoint;
    long registeredAt;
    long lastUpdate;
    boolean permit;
    boolean active = true;
    int[] weightUids = new int[0];
    int[] weightValues = new int[0];
    long[] bonds = new long[0];
    long consensus;
    long validatorTrust;
    long incentive;
    long dividends;
    long emission;
  }

  /** A pending weight commit: its hash and the block it was made in. */
  record Commit(String hash, long block) {}

  private ChainState(Genesis genesis, String chainId) {
    this.genesis = genesis;
    this.params = genesis.params();
    this.chainId = chainId;
  }

  /** The state at block 0. Genesis neurons get permits by stake so they can weight at once. */
  static ChainState fromGenesis(Genesis genesis) {
    ChainState s = new ChainState(genesis, GenesisCodec.chainId(genesis));
    for (Genesis.Account a : genesis.accounts()) {
      s.account(a.coldkey()).balance = a.balance();
    }
    for (Genesis.Neuron g : genesis.neurons()) {
      Hotkey h = new Hotkey(g.coldkey(), g.scheme());
      h.stake = g.stake();
      s.hotkeys.put(g.hotkey(), h);
      Neuron n = new Neuron();
      n.hotkey = g.hotkey();
      n.role = g.role();
      n.endpoint = g.endpoint();
      s.uids.put(g.hotkey(), s.neurons.size());
      s.neurons.add(n);
    }
    s.issuance = genesis.issuance();
    s.grantGenesisPermits();
    return s;
  }

  private void grantGenesisPermits() {
    int n = neurons.size();
    long total = 0;
    for (Neuron neuron : neurons) {
      total += stake(neuron.hotkey);
    }
    if (total == 0) {
      return;
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    // Highest stake first; among equals the higher UID wins, as Subtensor's stable ascending sort.
    order.sort(
        (a, b) -> {
          int c = Long.compare(stake(neurons.get(b).hotkey), stake(neurons.get(a).hotkey));
          return c != 0 ? c : Integer.compare(b, a);
        });
    for (int r = 0; r < Math.min(n, params.maxValidators()); r++) {
      Neuron neuron = neurons.get(order.get(r));
      neuron.permit = stake(neuron.hotkey) > 0;
    }
    ownerUid().ifPresent(uid -> neurons.get(uid).permit = true);
  }

  Account account(KeyId key) {
    return accounts.computeIfAbsent(key, k -> new Account());
  }

  long nonce(KeyId key) {
    Account a = accounts.get(key);
    return a == null ? 0 : a.nonce;
  }

  long balance(KeyId key) {
    Account a = accounts.get(key);
    return a == null ? 0 : a.balance;
  }

  long stake(KeyId hotkey) {
    Hotkey h = hotkeys.get(hotkey);
    return h == null ? 0 : h.stake;
  }

  Optional<Integer> uidOf(KeyId hotkey) {
    return Optional.ofNullable(uids.get(hotkey));
  }

  int size() {
    return neurons.size();
  }

  OptionalInt ownerUid() {
    if (genesis.ownerHotkey().isEmpty()) {
      return OptionalInt.empty();
    }
    Integer uid = uids.get(genesis.ownerHotkey().get());
    return uid == null ? OptionalInt.empty() : OptionalInt.of(uid);
  }

  boolean isImmune(int uid) {
    return block - neurons.get(uid).registeredAt < params.immunityPeriod();
  }

  /** Subtensor's {@code is_commit_expired}: past its reveal epoch. */
  boolean isExpired(Commit c) {
    return params.epochIndex(block) > params.epochIndex(c.block()) + params.revealPeriodEpochs();
  }

  /** Subtensor's {@code is_reveal_block_range}: exactly in its reveal epoch. */
  boolean inRevealEpoch(Commit c) {
    return params.epochIndex(block) == params.epochIndex(c.block()) + params.revealPeriodEpochs();
  }
}
