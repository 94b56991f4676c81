package io.aurelius.core.chain.dev;

import io.aurelius.core.chain.Receipt;
import io.aurelius.core.chain.RejectReason;
import io.aurelius.core.chain.extrinsic.AddStake;
import io.aurelius.core.chain.extrinsic.Call;
import io.aurelius.core.chain.extrinsic.CommitWeights;
import io.aurelius.core.chain.extrinsic.Extrinsic;
import io.aurelius.core.chain.extrinsic.Register;
import io.aurelius.core.chain.extrinsic.RemoveStake;
import io.aurelius.core.chain.extrinsic.RevealWeights;
import io.aurelius.core.chain.extrinsic.ServeEndpoint;
import io.aurelius.core.chain.extrinsic.SetWeights;
import io.aurelius.core.chain.extrinsic.Transfer;
import io.aurelius.core.identity.KeyId;

/**
 * Applies one extrinsic to the state, or rejects it with a reason and changes nothing: the
 * signature (strict Ed25519 over the chain id, signer, nonce and call), then the signer's nonce,
 * then the call's own checks. Only an accepted extrinsic moves the nonce.
 */
final class Transition {
  private Transition() {}

  static Receipt apply(ChainState s, Extrinsic x, long block) {
    if (!x.verify(s.chainId)) {
      return new Receipt.Rejected(
          RejectReason.BAD_SIGNATURE,
          "signature does not verify for signer "
              + x.signer()
              + " on chain "
              + s.chainId.substring(0, 12)
              + "…");
    }
    long expected = s.nonce(x.signer());
    if (x.nonce() != expected) {
      return new Receipt.Rejected(
          RejectReason.WRONG_NONCE,
          "nonce " + x.nonce() + " for " + x.signer() + " (expected: " + expected + ")");
    }
    Checked<Runnable> checked = check(s, x.signer(), x.call());
    if (checked.failed()) {
      return checked.rejection();
    }
    checked.value().run();
    s.account(x.signer()).nonce++;
    return new Receipt.Accepted(x.hash(), block);
  }

  private static Checked<Runnable> check(ChainState s, KeyId signer, Call call) {
    if (call instanceof Register r) {
      return RegistrationRules.register(s, signer, r);
    } else if (call instanceof ServeEndpoint e) {
      return RegistrationRules.serve(s, signer, e);
    } else if (call instanceof SetWeights w) {
      return WeightRules.setWeights(s, signer, w);
    } else if (call instanceof CommitWeights c) {
      return WeightRules.commit(s, signer, c);
    } else if (call instanceof RevealWeights r) {
      return WeightRules.reveal(s, signer, r);
    } else if (call instanceof AddStake a) {
      return BalanceRules.addStake(s, signer, a);
    } else if (call instanceof RemoveStake r) {
      return BalanceRules.removeStake(s, signer, r);
    } else if (call instanceof Transfer t) {
      return BalanceRules.transfer(s, signer, t);
    }
    throw new IllegalStateException("unknown call " + call.type());
  }
}
