package io.aurelius.core.chain.dev;

import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.hash.Sha256;
import io.aurelius.core.identity.KeyId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

/**
 * The state root stored in every block: SHA-256 over a fixed binary encoding of the whole state
 * (big-endian longs, length-prefixed UTF-8 strings, maps in key order). Replaying the blocks must
 * reproduce it exactly, so any divergence (a changed rule, a tampered block that still verified) is
 * caught at the block where it happens.
 */
final class StateDigest {
  private final MessageDigest digest = Sha256.newDigest();
  private final ByteBuffer buffer = ByteBuffer.allocate(8);

  private StateDigest() {}

  static String of(ChainState s) {
    StateDigest d = new StateDigest();
    d.text("aurelius/dev-chain-state/v1");
    d.text(s.chainId);
    d.number(s.block);
    d.number(s.lastEpochBlock);
    d.number(s.epochs);
    d.number(s.issuance);
    d.number(s.registrationsThisBlock);
    d.number(s.accounts.size());
    for (Map.Entry<KeyId, ChainState.Account> e : s.accounts.entrySet()) {
      d.text(e.getKey().address());
      d.number(e.getValue().balance);
      d.number(e.getValue().nonce);
    }
    d.number(s.hotkeys.size());
    for (Map.Entry<KeyId, ChainState.Hotkey> e : s.hotkeys.entrySet()) {
      d.text(e.getKey().address());
      d.text(e.getValue().owner.address());
      d.number(e.getValue().stake);
      if (e.getValue().scheme != KeyScheme.ED25519) {
        // Only non-Ed25519 hotkeys add to the digest, so roots from before schemes still match.
        d.text(e.getValue().scheme.wireName());
      }
    }
    d.number(s.neurons.size());
    for (ChainState.Neuron n : s.neurons) {
      d.text(n.hotkey.address());
      d.text(n.role.wireName());
      d.text(n.endpoint.toString());
      d.number(n.registeredAt);
      d.number(n.lastUpdate);
      d.number(n.permit ? 1 : 0);
      d.number(n.active ? 1 : 0);
      d.number(n.weightUids.length);
      for (int k = 0; k < n.weightUids.length; k++) {
        d.number(n.weightUids[k]);
        d.number(n.weightValues[k]);
      }
      d.number(n.bonds.length);
      for (long b : n.bonds) {
        d.number(b);
      }
      d.number(n.consensus);
      d.number(n.validatorTrust);
      d.number(n.incentive);
      d.number(n.dividends);
      d.number(n.emission);
    }
    d.number(s.commits.size());
    for (var e : s.commits.entrySet()) {
      d.text(e.getKey().address());
      d.number(e.getValue().size());
      for (ChainState.Commit c : e.getValue()) {
        d.text(c.hash());
        d.number(c.block());
      }
    }
    return HexFormat.of().formatHex(d.digest.digest());
  }

  private void number(long v) {
    buffer.clear();
    buffer.putLong(v);
    digest.update(buffer.array());
  }

  private void text(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    number(bytes.length);
    digest.update(bytes);
  }
}
