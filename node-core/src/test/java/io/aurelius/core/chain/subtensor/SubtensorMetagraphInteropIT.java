package io.aurelius.core.chain.subtensor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurelius.core.chain.substrate.fake.FakeSubstrateNode;
import io.aurelius.core.chain.substrate.fake.RecordedTraffic;
import io.aurelius.core.testing.InteropPeer;
import io.aurelius.core.testing.TestData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our metagraph of netuid 1, read through our client from the recorded mainnet traffic served by
 * the fake node, equals field by field the one the Bittensor SDK (bittensor 11.3.0, its own SCALE
 * codec and its own {@code Metagraph} builder) computes from the same recorded bytes ({@code
 * interop/subtensor_metagraph_peer.py}).
 */
class SubtensorMetagraphInteropIT {
  @TempDir Path scratch;

  @Test
  void ourMetagraphEqualsTheSdksFieldByField() throws Exception {
    SubnetMetagraph ours;
    int spec;
    try (FakeSubstrateNode node = FakeSubstrateNode.serve(RecordedTraffic.of("metagraph"));
        SubtensorChain chain =
            SubtensorChain.connect(SubtensorNetwork.parse(node.uri().toString()), 1, line -> {})) {
      ours = chain.subnet();
      spec = chain.runtimeVersion().specVersion();
    }
    InteropPeer peer = InteropPeer.open("subtensor_metagraph_peer.py", "bittensor", scratch);
    InteropPeer.Result r =
        peer.run(
            "",
            "metagraph",
            "--recordings",
            TestData.path("subtensor", "websocket-recordings.json").toString(),
            "--metadata-v15",
            TestData.path("subtensor", "metadata-v15.hex").toString(),
            "--operation",
            "metagraph",
            "--netuid",
            "1",
            "--spec-version",
            String.valueOf(spec));
    assertThat(r.exit()).as(r.stderr()).isZero();
    JsonNode sdk = new ObjectMapper().readTree(r.stdout());

    assertThat(ours.netuid()).isEqualTo(sdk.get("netuid").asInt());
    assertThat(ours.block()).isEqualTo(sdk.get("block").asLong()).isEqualTo(6852690);
    assertThat(ours.name()).isEqualTo(sdk.get("name").asText());
    assertThat(ours.lastStep()).isEqualTo(sdk.get("last_step").asLong());
    assertThat(ours.ownerHotkey().address()).isEqualTo(sdk.get("owner_hotkey").asText());
    SubnetHyperparameters hp = ours.hyperparameters();
    assertThat(hp.tempo()).isEqualTo(sdk.get("tempo").asInt());
    assertThat(hp.weightsRateLimit()).isEqualTo(sdk.get("weights_rate_limit").asLong());
    assertThat(hp.commitRevealEnabled())
        .isEqualTo(sdk.get("commit_reveal_weights_enabled").asBoolean());
    assertThat(hp.commitRevealPeriod()).isEqualTo(sdk.get("commit_reveal_period").asLong());
    assertThat(hp.maxWeightLimitRaw()).isEqualTo(sdk.get("max_weights_limit").asInt());
    assertThat(hp.minAllowedWeights()).isEqualTo(sdk.get("min_allowed_weights").asInt());
    assertThat(hp.immunityPeriod()).isEqualTo(sdk.get("immunity_period").asInt());

    JsonNode neurons = sdk.get("neurons");
    assertThat(ours.size()).isEqualTo(neurons.size()).isEqualTo(1024);
    List<String> differences = new ArrayList<>();
    for (int uid = 0; uid < ours.size(); uid++) {
      SubnetNeuron n = ours.neurons().get(uid);
      JsonNode s = neurons.get(uid);
      compare(differences, uid, "uid", n.uid(), s.get("uid").asInt());
      compare(differences, uid, "hotkey", n.hotkey().address(), s.get("hotkey").asText());
      compare(differences, uid, "coldkey", n.coldkey().address(), s.get("coldkey").asText());
      compare(differences, uid, "active", n.active(), s.get("active").asBoolean());
      compare(
          differences,
          uid,
          "validator_permit",
          n.validatorPermit(),
          s.get("validator_permit").asBoolean());
      compare(differences, uid, "last_update", n.lastUpdate(), s.get("last_update").asLong());
      compare(
          differences,
          uid,
          "block_at_registration",
          n.registeredAt(),
          s.get("block_at_registration").asLong());
      compare(differences, uid, "rank", n.rank(), s.get("rank").asDouble());
      compare(differences, uid, "trust", n.trust(), s.get("trust").asDouble());
      compare(
          differences,
          uid,
          "validator_trust",
          n.validatorTrust(),
          s.get("validator_trust").asDouble());
      compare(differences, uid, "consensus", n.consensus(), s.get("consensus").asDouble());
      compare(differences, uid, "incentive", n.incentive(), s.get("incentive").asDouble());
      compare(differences, uid, "dividends", n.dividends(), s.get("dividends").asDouble());
      compare(
          differences, uid, "pruning_score", n.pruningScore(), s.get("pruning_score").asDouble());
      compare(differences, uid, "emission", n.emissionRao(), s.get("emission_rao").asLong());
      compare(
          differences, uid, "alpha_stake", n.alphaStakeRao(), s.get("alpha_stake_rao").asLong());
      compare(differences, uid, "tao_stake", n.taoStakeRao(), s.get("tao_stake_rao").asLong());
      compare(
          differences, uid, "total_stake", n.totalStakeRao(), s.get("total_stake_rao").asLong());
      compare(
          differences,
          uid,
          "axon",
          n.axon().serving() ? n.axon().toString() : null,
          s.get("axon").isNull() ? null : s.get("axon").asText());
    }
    assertThat(differences).isEmpty();
    // The comparison is not vacuous: the subnet has stake, scores and served axons.
    assertThat(ours.neurons().stream().filter(n -> n.validatorPermit()).count()).isEqualTo(12);
    assertThat(ours.neurons().stream().filter(n -> n.incentive() > 0).count()).isPositive();
    assertThat(ours.neurons().stream().filter(n -> n.validatorTrust() > 0).count()).isPositive();
  }

  private static void compare(
      List<String> differences, int uid, String field, Object ours, Object sdk) {
    if (!java.util.Objects.equals(ours, sdk)) {
      differences.add("uid " + uid + " " + field + ": ours " + ours + ", SDK " + sdk);
    }
  }
}
