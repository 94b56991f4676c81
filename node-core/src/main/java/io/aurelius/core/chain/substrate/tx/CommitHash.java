package io.aurelius.core.chain.substrate.tx;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.Salt;
import io.aurelius.core.chain.Weights;
import io.aurelius.core.chain.substrate.scale.ScaleWriter;
import io.aurelius.core.crypto.Blake2b;
import io.aurelius.core.identity.KeyId;
import java.util.List;

/**
 * The hash Subtensor checks a {@code reveal_weights} against ({@code do_reveal_weights}):
 * blake2-256 of the SCALE encoding of the tuple {@code (hotkey: AccountId32, netuid: u16, uids:
 * Vec<u16>, values: Vec<u16>, salt: Vec<u16>, version_key: u64)}. {@code commit_weights} carries
 * it.
 */
public final class CommitHash {
  private CommitHash() {}

  public static byte[] of(KeyId hotkey, int netuid, Weights weights, Salt salt, long versionKey) {
    requireNonNull(hotkey, "hotkey");
    requireNonNull(weights, "weights");
    requireNonNull(salt, "salt");
    if (netuid < 0 || netuid > 65535) {
      throw new IllegalArgumentException("netuid: " + netuid + " (expected: 0..65535)");
    }
    ScaleWriter w = new ScaleWriter().raw(hotkey.accountBytes()).u16(netuid);
    u16s(weights.uids(), w);
    u16s(weights.values(), w);
    u16s(salt.values(), w);
    w.u64(versionKey);
    return Blake2b.digest(32, w.toByteArray());
  }

  private static void u16s(List<Integer> values, ScaleWriter w) {
    w.compact(values.size());
    values.forEach(w::u16);
  }
}
