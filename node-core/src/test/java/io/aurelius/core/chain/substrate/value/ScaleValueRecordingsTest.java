package io.aurelius.core.chain.substrate.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.core.chain.substrate.SubtensorRecordings;
import io.aurelius.core.chain.substrate.metadata.RuntimeApi;
import io.aurelius.core.chain.substrate.metadata.RuntimeMetadata;
import io.aurelius.core.chain.substrate.scale.Bytes;
import io.aurelius.core.chain.substrate.scale.ScaleDecodeException;
import io.aurelius.core.chain.substrate.scale.ScaleWriter;
import io.aurelius.core.identity.KeyId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Storage values and runtime-API results recorded from mainnet, decoded by the types of the
 * metadata V15 (spec 343), checked against what the Bittensor SDK's own tests expect of the same
 * recordings (testdata/subtensor/README.md).
 */
class ScaleValueRecordingsTest {
  private static final String HOTKEY = "5Cf4LPRv6tiyuFsfLRQaFYEEn3zJRGi4bAE9DwbbKmbCSHpV";
  private static final String METAGRAPH_BLOCK =
      "0xdb13c066e2c63969f140164fb3bfe7a0aaa7b71407fc0fe525d68e57329ef9d0";

  private final RuntimeMetadata md = SubtensorRecordings.v15();
  private final ValueDecoder decoder = new ValueDecoder(md.types());
  private final ValueEncoder encoder = new ValueEncoder(md.types());

  /** A runtime API's arguments, each encoded as the input type the metadata names. */
  private String args(String api, String method, Value... values) {
    RuntimeApi.Method m = md.runtimeApiMethod(api, method).orElseThrow();
    assertThat(values).hasSameSizeAs(m.inputs());
    ScaleWriter w = new ScaleWriter();
    for (int i = 0; i < values.length; i++) {
      encoder.encode(m.inputs().get(i).type(), values[i], w);
    }
    return w.toBytes().hex();
  }

  private Value output(String api, String method, String resultHex) {
    int type = md.runtimeApiMethod(api, method).orElseThrow().output();
    return decoder.decode(type, Bytes.fromHex(resultHex));
  }

  private Value storageValue(String pallet, String entry, String hex) {
    int type = md.storageEntry(pallet, entry).orElseThrow().valueType();
    return decoder.decode(type, Bytes.fromHex(hex));
  }

  private static Value field(Value v, String name) {
    return ((Value.Composite) v.unwrapped()).field(name).orElseThrow();
  }

  private static long blockNumber(String operation, String blockHash) {
    String hex =
        SubtensorRecordings.result(operation, "chain_getHeader", "[\"" + blockHash + "\"]")
            .get("number")
            .asText();
    return Long.parseLong(hex.substring(2), 16);
  }

  /** metagraph(netuid=1): n = 1024, netuid = 1, block = 6852690. */
  @Test
  void metagraphOfNetuid1Has1024Neurons() {
    String args = args("NeuronInfoRuntimeApi", "get_neurons_lite", Value.of(1));
    assertThat(args).isEqualTo("0100");
    String result =
        SubtensorRecordings.result(
                "metagraph",
                "state_call",
                "[\"NeuronInfoRuntimeApi_get_neurons_lite\", \""
                    + args
                    + "\", \""
                    + METAGRAPH_BLOCK
                    + "\"]")
            .asText();
    List<Value> neurons =
        ((Value.Sequence) output("NeuronInfoRuntimeApi", "get_neurons_lite", result)).items();
    assertThat(neurons).hasSize(1024);
    for (int uid = 0; uid < neurons.size(); uid++) {
      assertThat(field(neurons.get(uid), "uid").asLong()).isEqualTo(uid);
      assertThat(field(neurons.get(uid), "netuid").asLong()).isEqualTo(1);
    }
    assertThat(blockNumber("metagraph", METAGRAPH_BLOCK)).isEqualTo(6852690);
    Value first = neurons.get(0);
    assertThat(field(first, "hotkey").unwrapped())
        .isEqualTo(
            Value.bytes(
                Bytes.fromHex("4a7a6cf22af0de8f0c3566ceb47c255da605cf9243f6c1a6433cc782fa610166")
                    .toArray()));
    Value axon = field(first, "axon_info");
    assertThat(field(axon, "port").asLong()).isEqualTo(6028);
    assertThat(field(axon, "ip").asLong()).isEqualTo(3235789677L); // 0xC0DE3B6D = 192.222.59.109
    assertThat(field(first, "validator_permit")).isInstanceOf(Value.Bool.class);
  }

  /** get_neuron_for_pubkey_and_subnet(HOTKEY, 14): a neuron with that hotkey and an axon. */
  @Test
  void neuronForPubkeyOnSubnet14() {
    Value uid =
        storageValue(
            "SubtensorModule",
            "Uids",
            SubtensorRecordings.result(
                    "get_neuron_for_pubkey_and_subnet",
                    "state_getStorageAt",
                    "[\"0x658faa385070e074c85bf6b568cf0555aab1b4e78e1ea8305462ee53b3686dc80e00"
                        + "5d3e588dc49748e3395ac2bc5a2343741a33474e4a857009da52aaa4080f176465f99c"
                        + "09763e03b9cd5ee038cec4093e\", null]")
                .asText());
    assertThat(uid.asLong()).isEqualTo(29);

    String args = args("NeuronInfoRuntimeApi", "get_neuron", Value.of(14), uid);
    assertThat(args).isEqualTo("0e001d00");
    String result =
        SubtensorRecordings.result(
                "get_neuron_for_pubkey_and_subnet",
                "state_call",
                "[\"NeuronInfoRuntimeApi_get_neuron\", \"" + args + "\", null]")
            .asText();
    Value.Variant some = (Value.Variant) output("NeuronInfoRuntimeApi", "get_neuron", result);
    assertThat(some.name()).isEqualTo("Some");
    Value neuron = some.fields().get(0).value();
    assertThat(field(neuron, "hotkey").unwrapped())
        .isEqualTo(Value.bytes(KeyId.parse(HOTKEY).accountBytes()));
    assertThat(field(neuron, "uid").asLong()).isEqualTo(29);
    assertThat(field(neuron, "netuid").asLong()).isEqualTo(14);
    assertThat(field(neuron, "axon_info")).isInstanceOf(Value.Composite.class);
    assertThat(field(neuron, "active")).isEqualTo(new Value.Bool(true));
  }

  /** subnetwork_n(1) = 1024. */
  @Test
  void subnetworkN() {
    String hex =
        SubtensorRecordings.result(
                "subnetwork_n",
                "state_getStorageAt",
                "[\"0x658faa385070e074c85bf6b568cf0555a1048e9d244171852dfe8db314dc68ca0100\","
                    + " null]")
            .asText();
    assertThat(storageValue("SubtensorModule", "SubnetworkN", hex).asLong()).isEqualTo(1024);
  }

  /** blocks_since_last_update(netuid=1, uid=0) = 4009702: the block minus LastUpdate[0]. */
  @Test
  void blocksSinceLastUpdate() {
    String block = "0x2830271e820b419253b79cbafea83f726354bbef26eb318835ffa774288de9ff";
    String hex =
        SubtensorRecordings.result(
                "blocks_since_last_update",
                "state_getStorageAt",
                "[\"0x658faa385070e074c85bf6b568cf0555696e262a16e52255a69d8acd793541460100\", \""
                    + block
                    + "\"]")
            .asText();
    List<Value> lastUpdate =
        ((Value.Sequence) storageValue("SubtensorModule", "LastUpdate", hex)).items();
    assertThat(blockNumber("blocks_since_last_update", block) - lastUpdate.get(0).asLong())
        .isEqualTo(4009702);
  }

  /**
   * The account bytes read independently (Python int.from_bytes, little-endian): nonce 0x8d, free
   * 0x01bc0fc3d0, reserved 0x05f5e100.
   */
  @Test
  void systemAccountOfTheRecordedBalance() {
    String hex =
        "0x8d000000010000000100000000000000d0c30fbc0100000000e1f50500000000"
            + "000000000000000000000000000000000000000000000080";
    Value info = storageValue("System", "Account", hex);
    assertThat(field(info, "nonce").asLong()).isEqualTo(141);
    assertThat(field(info, "providers").asLong()).isEqualTo(1);
    Value data = field(info, "data");
    assertThat(field(data, "free").asLong()).isEqualTo(7_450_117_072L);
    assertThat(field(data, "reserved").asLong()).isEqualTo(100_000_000L);
    assertThat(((Value.Int) field(data, "flags").unwrapped()).value().bitLength()).isEqualTo(128);
  }

  @Test
  void networkRegistrationCost() {
    String hex =
        SubtensorRecordings.result(
                "get_subnet_burn_cost",
                "state_call",
                "[\"SubnetRegistrationRuntimeApi_get_network_registration_cost\", \"0x\"]")
            .asText();
    assertThat(
            output("SubnetRegistrationRuntimeApi", "get_network_registration_cost", hex).asLong())
        .isEqualTo(1_485_558_848L);
  }

  /**
   * Results recorded at spec 208 do not fit spec 343's types: the decoder refuses them in one line
   * instead of producing a wrong value (a client must use the metadata of the block it reads).
   */
  @Test
  void anOlderRuntimesBytesAreRefused() {
    String neuronsLite =
        SubtensorRecordings.result(
                "neurons_lite",
                "state_call",
                "[\"NeuronInfoRuntimeApi_get_neurons_lite\", \"0x1700\"]")
            .asText();
    assertThatThrownBy(() -> output("NeuronInfoRuntimeApi", "get_neurons_lite", neuronsLite))
        .isInstanceOf(ScaleDecodeException.class)
        .hasMessageStartingWith("scale: $ at offset 0: length 3469 needs at least ");
    String hyperparams =
        SubtensorRecordings.result(
                "get_subnet_hyperparameters",
                "state_call",
                "[\"SubnetInfoRuntimeApi_get_subnet_hyperparams\", \"0x1700\"]")
            .asText();
    assertThatThrownBy(() -> output("SubnetInfoRuntimeApi", "get_subnet_hyperparams", hyperparams))
        .isInstanceOf(ScaleDecodeException.class)
        .hasMessageMatching(
            "scale: \\$ at offset 0: variant 25 of Option \\(type \\d+\\) \\(expected: one of 0, 1\\)");
  }

  @Test
  void aTruncatedResultNamesTheNeuronAndField() {
    String result =
        SubtensorRecordings.result(
                "metagraph",
                "state_call",
                "[\"NeuronInfoRuntimeApi_get_neurons_lite\", \"0100\", \""
                    + METAGRAPH_BLOCK
                    + "\"]")
            .asText();
    byte[] raw = Bytes.fromHex(result).toArray();
    byte[] cut = Arrays.copyOf(raw, raw.length - 1);
    int type =
        md.runtimeApiMethod("NeuronInfoRuntimeApi", "get_neurons_lite").orElseThrow().output();
    assertThatThrownBy(() -> decoder.decode(type, Bytes.of(cut)))
        .isInstanceOf(ScaleDecodeException.class)
        .hasMessageStartingWith("scale: $[1023].")
        .hasMessageContaining("at offset " + (cut.length - 0))
        .hasMessageNotContaining("\n");
  }
}
