package io.aurelius.node.cli.doctor;

import io.aurelius.core.chain.ChainUnavailableException;
import io.aurelius.core.chain.substrate.runtime.BlockRef;
import io.aurelius.core.chain.substrate.runtime.RuntimeVersion;
import io.aurelius.core.chain.subtensor.SubnetHyperparameters;
import io.aurelius.core.chain.subtensor.SubnetMetagraph;
import io.aurelius.core.chain.subtensor.SubnetNeuron;
import io.aurelius.core.chain.subtensor.SubtensorChain;
import io.aurelius.core.chain.subtensor.Units;
import io.aurelius.core.identity.KeyId;
import io.aurelius.node.cli.chain.NetworkOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A subnet on Subtensor: the node answers, its genesis hash is the network's, its runtime and
 * metadata, the subnet exists, and (with a hotkey) the hotkey is registered, serves an axon, has
 * stake, and when it may set weights again.
 */
final class SubtensorCheck {
  private SubtensorCheck() {}

  static List<Finding> run(
      NetworkOptions.Subnet subnet, Optional<KeyId> hotkey, Consumer<String> progress) {
    List<Finding> findings = new ArrayList<>();
    String where = subnet.network().toString();
    try (SubtensorChain chain =
        SubtensorChain.connect(subnet.network(), subnet.netuid(), progress)) {
      BlockRef head;
      try {
        head = chain.runtime().head();
      } catch (ChainUnavailableException e) {
        findings.add(
            Finding.fail(
                "subtensor reachable",
                e.getMessage(),
                "check --network (finney, test, local or ws(s)://HOST:PORT) and that the node's"
                    + " WebSocket port is open"));
        return findings;
      }
      findings.add(Finding.ok("subtensor reachable", where + " answers; best block " + head));
      findings.add(genesis(chain, subnet));
      try {
        RuntimeVersion v = chain.runtime().version(head);
        int metadata = chain.runtime().metadata(head).version();
        findings.add(Finding.ok("subtensor runtime", v + ", metadata V" + metadata));
      } catch (ChainUnavailableException e) {
        findings.add(
            Finding.fail(
                "subtensor runtime", e.getMessage(), "report the runtime version and this line"));
        return findings;
      }
      SubnetMetagraph m;
      try {
        m = chain.subnet();
      } catch (ChainUnavailableException e) {
        findings.add(
            Finding.fail(
                "subtensor netuid " + subnet.netuid(),
                e.getMessage(),
                "check --netuid (btcli subnets list shows the subnets)"));
        return findings;
      }
      findings.add(
          Finding.ok(
              "subtensor netuid " + subnet.netuid(),
              m.name()
                  + ": "
                  + m.size()
                  + " UIDs at block "
                  + m.block()
                  + ", tempo "
                  + m.hyperparameters().tempo()));
      if (hotkey.isEmpty()) {
        findings.add(
            Finding.warn(
                "subtensor registered",
                "no --hotkey given, so registration, axon, stake and weights are not checked",
                "aurelius doctor --network ... --netuid " + subnet.netuid() + " --hotkey KEY"));
        return findings;
      }
      findings.addAll(neuron(m, hotkey.get()));
    }
    return findings;
  }

  private static Finding genesis(SubtensorChain chain, NetworkOptions.Subnet subnet) {
    String got;
    try {
      got = chain.genesisHash();
    } catch (ChainUnavailableException e) {
      return Finding.fail(
          "subtensor genesis", e.getMessage(), "check the node is a Subtensor node");
    }
    Optional<String> expected = subnet.network().genesisHash();
    if (expected.isPresent() && !expected.get().equalsIgnoreCase(got)) {
      return Finding.fail(
          "subtensor genesis",
          got + " (expected " + subnet.network().name() + "'s " + expected.get() + ")",
          "this node serves another chain: check --network");
    }
    return Finding.ok(
        "subtensor genesis",
        got + (expected.isPresent() ? " (" + subnet.network().name() + ")" : ""));
  }

  private static List<Finding> neuron(SubnetMetagraph m, KeyId hotkey) {
    List<Finding> findings = new ArrayList<>();
    Optional<SubnetNeuron> me =
        m.neurons().stream().filter(n -> n.hotkey().equals(hotkey)).findFirst();
    if (me.isEmpty()) {
      findings.add(
          Finding.fail(
              "subtensor registered",
              "hotkey " + hotkey + " is not registered on netuid " + m.netuid(),
              "btcli subnets register --netuid "
                  + m.netuid()
                  + " (aurelius chain register on Subtensor arrives with transactions)"));
      return findings;
    }
    SubnetNeuron n = me.get();
    findings.add(
        Finding.ok(
            "subtensor registered",
            "hotkey "
                + hotkey
                + " is uid "
                + n.uid()
                + " (registered at block "
                + n.registeredAt()
                + ")"));
    findings.add(
        n.axon().serving()
            ? Finding.ok("subtensor axon", "serves " + n.axon())
            : Finding.warn(
                "subtensor axon",
                "uid " + n.uid() + " serves no axon",
                "start the node with its public --advertise-host so it serves its endpoint"));
    findings.add(
        Finding.ok(
            "subtensor stake",
            Units.tao(n.totalStakeRao()).toPlainString()
                + " "
                + m.symbol()
                + " total stake, validator permit "
                + (n.validatorPermit() ? "yes" : "no")));
    SubnetHyperparameters hp = m.hyperparameters();
    long since = m.block() - n.lastUpdate();
    long wait = Math.max(0, hp.weightsRateLimit() - since);
    findings.add(
        Finding.ok(
            "subtensor weights",
            "rate limit "
                + hp.weightsRateLimit()
                + " blocks, last update "
                + since
                + " blocks ago: "
                + (wait == 0 ? "may set weights now" : "may set weights in " + wait + " blocks")
                + "; commit-reveal "
                + (hp.commitRevealEnabled() ? "on" : "off")));
    return findings;
  }
}
