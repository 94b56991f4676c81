package io.aurelius.node.cli.chain;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.chain.subtensor.SubnetHyperparameters;
import io.aurelius.core.chain.subtensor.SubnetMetagraph;
import io.aurelius.core.chain.subtensor.SubnetNeuron;
import io.aurelius.core.chain.subtensor.Units;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A Subtensor subnet as a table (amounts in TAO or the subnet's alpha, scores as the SDK's 0..1
 * fractions) or as JSON (amounts in rao, exact).
 */
public final class SubnetPrinter {
  private SubnetPrinter() {}

  public static void summary(PrintWriter out, SubnetMetagraph m) {
    SubnetHyperparameters hp = m.hyperparameters();
    out.printf(
        Locale.ROOT,
        "netuid %d (%s), block %d, %d UIDs, %d with a validator permit%n",
        m.netuid(),
        m.name(),
        m.block(),
        m.size(),
        m.neurons().stream().filter(SubnetNeuron::validatorPermit).count());
    out.printf(
        Locale.ROOT,
        "tempo %d, last epoch at block %d, next epoch at block %d; weights rate limit %d blocks, "
            + "commit-reveal %s (period %d), max weight limit %.5f, min allowed weights %d, "
            + "immunity period %d blocks%n",
        hp.tempo(),
        m.lastStep(),
        m.nextEpochBlock(),
        hp.weightsRateLimit(),
        hp.commitRevealEnabled() ? "on" : "off",
        hp.commitRevealPeriod(),
        hp.maxWeightLimit(),
        hp.minAllowedWeights(),
        hp.immunityPeriod());
  }

  public static void table(PrintWriter out, SubnetMetagraph m) {
    summary(out, m);
    out.printf(
        "%5s  %-12s %-12s %16s %6s %6s %8s %8s %8s %8s %8s %14s %9s  %s%n",
        "UID",
        "HOTKEY",
        "COLDKEY",
        "STAKE",
        "PERMIT",
        "ACTIVE",
        "TRUST",
        "C",
        "I",
        "D",
        "TV",
        "EMISSION",
        "UPDATED",
        "AXON");
    for (SubnetNeuron n : m.neurons()) {
      out.printf(
          Locale.ROOT,
          "%5d  %-12s %-12s %16s %6s %6s %8.5f %8.5f %8.5f %8.5f %8.5f %14s %9d  %s%n",
          n.uid(),
          n.hotkey().shortForm(),
          n.coldkey().shortForm(),
          Units.tao(n.totalStakeRao()).toPlainString(),
          n.validatorPermit() ? "yes" : "-",
          n.active() ? "yes" : "-",
          n.trust(),
          n.consensus(),
          n.incentive(),
          n.dividends(),
          n.validatorTrust(),
          Units.tao(n.emissionRao()).toPlainString(),
          n.lastUpdate(),
          n.axon().serving() ? n.axon() : "-");
    }
    out.flush();
  }

  public static ObjectNode json(SubnetMetagraph m) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode o = f.objectNode();
    o.put("netuid", m.netuid());
    o.put("block", m.block());
    o.put("block_hash", m.blockHash());
    o.put("name", m.name());
    o.put("symbol", m.symbol());
    o.put("owner_hotkey", m.ownerHotkey().address());
    SubnetHyperparameters hp = m.hyperparameters();
    ObjectNode h = o.putObject("hyperparameters");
    h.put("tempo", hp.tempo());
    h.put("weights_rate_limit", hp.weightsRateLimit());
    h.put("commit_reveal_weights_enabled", hp.commitRevealEnabled());
    h.put("commit_reveal_period", hp.commitRevealPeriod());
    h.put("max_weights_limit", hp.maxWeightLimit());
    h.put("min_allowed_weights", hp.minAllowedWeights());
    h.put("immunity_period", hp.immunityPeriod());
    o.put("last_step", m.lastStep());
    o.put("next_epoch_block", m.nextEpochBlock());
    ArrayNode neurons = o.putArray("neurons");
    for (SubnetNeuron n : m.neurons()) {
      ObjectNode x = neurons.addObject();
      x.put("uid", n.uid());
      x.put("hotkey", n.hotkey().address());
      x.put("coldkey", n.coldkey().address());
      x.put("active", n.active());
      x.put("validator_permit", n.validatorPermit());
      x.put("last_update", n.lastUpdate());
      x.put("block_at_registration", n.registeredAt());
      x.put("rank", n.rank());
      x.put("trust", n.trust());
      x.put("validator_trust", n.validatorTrust());
      x.put("consensus", n.consensus());
      x.put("incentive", n.incentive());
      x.put("dividends", n.dividends());
      x.put("pruning_score", n.pruningScore());
      x.put("emission_rao", n.emissionRao());
      x.put("alpha_stake_rao", n.alphaStakeRao());
      x.put("tao_stake_rao", n.taoStakeRao());
      x.put("total_stake_rao", n.totalStakeRao());
      if (n.axon().serving()) {
        x.put("axon", n.axon().toString());
      } else {
        x.putNull("axon");
      }
    }
    return o;
  }
}
