package io.aurelius.core.chain.dev;

import io.aurelius.core.chain.Endpoint;
import io.aurelius.core.chain.RejectReason;
import io.aurelius.core.chain.extrinsic.Register;
import io.aurelius.core.chain.extrinsic.ServeEndpoint;
import io.aurelius.core.crypto.Verifier;
import io.aurelius.core.crypto.VerifyingKey;
import io.aurelius.core.identity.KeyId;
import java.util.HexFormat;
import java.util.OptionalInt;

/**
 * Registration (a coldkey registers a hotkey it proves it holds, burning the registration cost),
 * the pruning rule for a full subnet, and endpoint updates.
 */
final class RegistrationRules {
  private RegistrationRules() {}

  static Checked<Runnable> register(ChainState s, KeyId coldkey, Register call) {
    SubnetParams p = s.params;
    if (call.netuid() != p.netuid()) {
      return WeightRules.wrongNetuid(s, call.netuid());
    }
    KeyId hotkey = call.hotkey();
    byte[] proof = HexFormat.of().parseHex(call.hotkeyProof());
    VerifyingKey key = hotkey.verifyingKey(call.hotkeyScheme());
    if (!Verifier.of(key.scheme())
        .verify(key, Register.proofMessage(s.chainId, p.netuid(), coldkey), proof)) {
      return Checked.fail(
          RejectReason.BAD_SIGNATURE,
          "hotkey_proof is not " + hotkey + "'s signature binding it to coldkey " + coldkey);
    }
    if (hotkey.equals(coldkey)) {
      return Checked.fail(RejectReason.NOT_HOTKEY_OWNER, "hotkey and coldkey are the same key");
    }
    if (s.uids.containsKey(hotkey)) {
      return Checked.fail(
          RejectReason.ALREADY_REGISTERED,
          "hotkey " + hotkey + " already has UID " + s.uids.get(hotkey));
    }
    ChainState.Hotkey known = s.hotkeys.get(hotkey);
    if (known != null && !known.owner.equals(coldkey)) {
      return Checked.fail(
          RejectReason.NOT_HOTKEY_OWNER, "hotkey " + hotkey + " belongs to coldkey " + known.owner);
    }
    if (known != null && known.scheme != call.hotkeyScheme()) {
      return Checked.fail(
          RejectReason.BAD_SIGNATURE,
          "hotkey "
              + hotkey
              + " is known as a "
              + known.scheme
              + " key (expected: hotkey_scheme "
              + known.scheme
              + ")");
    }
    if (s.registrationsThisBlock >= p.maxRegistrationsPerBlock()) {
      return Checked.fail(
          RejectReason.TOO_MANY_REGISTRATIONS_THIS_BLOCK,
          s.registrationsThisBlock
              + " registrations in block "
              + s.block
              + " (expected: at most "
              + p.maxRegistrationsPerBlock()
              + ")");
    }
    long balance = s.balance(coldkey);
    if (balance < p.registrationBurn()) {
      return Checked.fail(
          RejectReason.INSUFFICIENT_BALANCE,
          "balance "
              + balance
              + " (expected: at least the registration burn "
              + p.registrationBurn()
              + ")");
    }
    int uid;
    if (s.size() < p.maxUids()) {
      uid = s.size();
    } else {
      OptionalInt pruned = pruneCandidate(s);
      if (pruned.isEmpty()) {
        return Checked.fail(
            RejectReason.SUBNET_FULL,
            "all "
                + s.size()
                + " UIDs are immune or protected (expected: a non-immune UID to replace)");
      }
      uid = pruned.getAsInt();
    }
    return Checked.ok(
        () -> {
          s.account(coldkey).balance -= p.registrationBurn();
          s.issuance -= p.registrationBurn();
          s.hotkeys.computeIfAbsent(
              hotkey, k -> new ChainState.Hotkey(coldkey, call.hotkeyScheme()));
          ChainState.Neuron neuron = new ChainState.Neuron();
          neuron.hotkey = hotkey;
          neuron.role = call.role();
          neuron.endpoint = call.endpoint();
          neuron.registeredAt = s.block;
          neuron.lastUpdate = s.block;
          if (uid == s.size()) {
            s.neurons.add(neuron);
          } else {
            KeyId old = s.neurons.get(uid).hotkey;
            s.uids.remove(old);
            s.commits.remove(old);
            s.neurons.set(uid, neuron);
          }
          s.uids.put(hotkey, uid);
          s.registrationsThisBlock++;
        });
  }

  /**
   * The UID a registration replaces in a full subnet (docs/reference.md §1): the non-immune UID
   * with the lowest emission (ties: registered earlier, then lower UID), unless only {@code
   * minNonImmuneUids} or fewer UIDs are non-immune, in which case the best immune one. The owner's
   * UID is never pruned.
   */
  static OptionalInt pruneCandidate(ChainState s) {
    int owner = s.ownerUid().orElse(-1);
    int bestFree = -1;
    int bestImmune = -1;
    int freeCount = 0;
    for (int uid = 0; uid < s.size(); uid++) {
      if (uid == owner) {
        continue;
      }
      if (s.isImmune(uid)) {
        bestImmune = better(s, uid, bestImmune);
      } else {
        freeCount++;
        bestFree = better(s, uid, bestFree);
      }
    }
    if (freeCount > s.params.minNonImmuneUids() && bestFree >= 0) {
      return OptionalInt.of(bestFree);
    }
    return bestImmune >= 0 ? OptionalInt.of(bestImmune) : OptionalInt.empty();
  }

  private static int better(ChainState s, int candidate, int best) {
    if (best < 0) {
      return candidate;
    }
    ChainState.Neuron c = s.neurons.get(candidate);
    ChainState.Neuron b = s.neurons.get(best);
    if (c.emission != b.emission) {
      return c.emission < b.emission ? candidate : best;
    }
    if (c.registeredAt != b.registeredAt) {
      return c.registeredAt < b.registeredAt ? candidate : best;
    }
    return candidate < best ? candidate : best;
  }

  static Checked<Runnable> serve(ChainState s, KeyId hotkey, ServeEndpoint call) {
    if (call.netuid() != s.params.netuid()) {
      return WeightRules.wrongNetuid(s, call.netuid());
    }
    Integer uid = s.uids.get(hotkey);
    if (uid == null) {
      return WeightRules.notRegistered(hotkey);
    }
    Endpoint endpoint = call.endpoint();
    return Checked.ok(() -> s.neurons.get(uid).endpoint = endpoint);
  }
}
