package io.aurelius.core.chain.dev;

import io.aurelius.core.chain.yuma.Yuma;
import io.aurelius.core.chain.yuma.YumaInput;
import io.aurelius.core.chain.yuma.YumaNeuron;
import io.aurelius.core.chain.yuma.YumaOutput;
import io.aurelius.core.chain.yuma.YumaResult;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Runs Yuma at an epoch block and applies it: the coinbase first takes the owner's cut
 * (ownerCut/65535 of the epoch's emission, when the owner hotkey is registered), Yuma splits the
 * rest between miners (incentive) and validators (dividends), and every amount earned is added to
 * the earning hotkey's stake. Issuance never passes 2^53 − 1: the emission of an epoch is capped at
 * what is left.
 */
final class EpochRunner {
  private EpochRunner() {}

  static YumaOutput run(ChainState s) {
    SubnetParams p = s.params;
    long emission = Math.min(p.emissionPerEpoch(), SubnetParams.MAX_AMOUNT - s.issuance);
    OptionalInt owner = s.ownerUid();
    long ownerCut =
        owner.isPresent()
            ? BigInteger.valueOf(emission)
                .multiply(BigInteger.valueOf(p.ownerCut()))
                .divide(BigInteger.valueOf(65535))
                .longValueExact()
            : 0;
    YumaOutput out =
        Yuma.epoch(
            new YumaInput(s.block, p.tempo(), p.yuma(), owner, inputs(s), emission - ownerCut));
    long paid = 0;
    for (int uid = 0; uid < s.size(); uid++) {
      ChainState.Neuron n = s.neurons.get(uid);
      YumaResult r = out.uid(uid);
      n.active = r.active();
      n.permit = r.validatorPermit();
      n.consensus = r.consensus();
      n.validatorTrust = r.validatorTrust();
      n.incentive = r.incentive();
      n.dividends = r.dividends();
      n.bonds = r.bonds();
      n.emission = r.emission();
      if (owner.isPresent() && owner.getAsInt() == uid) {
        n.emission += ownerCut;
      }
      s.hotkeys.get(n.hotkey).stake += n.emission;
      paid += n.emission;
    }
    s.issuance += paid;
    s.lastEpochBlock = s.block;
    s.epochs++;
    return out;
  }

  private static List<YumaNeuron> inputs(ChainState s) {
    int n = s.size();
    List<YumaNeuron> inputs = new ArrayList<>(n);
    for (ChainState.Neuron neuron : s.neurons) {
      OptionalLong commit = OptionalLong.empty();
      if (s.params.commitRevealEnabled()) {
        var queue = s.commits.get(neuron.hotkey);
        if (queue != null) {
          commit =
              queue.stream().filter(c -> !s.isExpired(c)).mapToLong(ChainState.Commit::block).min();
        }
      }
      long[] bonds = new long[0];
      if (neuron.bonds.length > 0) {
        bonds = java.util.Arrays.copyOf(neuron.bonds, n);
      }
      inputs.add(
          new YumaNeuron(
              s.stake(neuron.hotkey),
              neuron.lastUpdate,
              neuron.registeredAt,
              neuron.permit,
              commit,
              neuron.weightUids,
              neuron.weightValues,
              bonds));
    }
    return inputs;
  }
}
