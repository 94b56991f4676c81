package io.aurelius.core.chain.substrate.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.core.chain.substrate.SubtensorRecordings;
import io.aurelius.core.chain.substrate.scale.Bytes;
import io.aurelius.core.chain.substrate.scale.ScaleDecodeException;
import io.aurelius.core.chain.substrate.value.Value;
import io.aurelius.core.chain.substrate.value.ValueDecoder;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mainnet metadata V14 ({@code state_getMetadata}) and V15 ({@code Metadata_metadata_at_version})
 * of Subtensor spec 343, as recorded in testdata/subtensor/. The indices below are read from the
 * metadata, and pinned here because they are what the chain dispatches on (REFERENCE §1a lists the
 * same SubtensorModule indices for spec 425).
 */
class MetadataDecoderTest {
  static Stream<RuntimeMetadata> both() {
    return Stream.of(SubtensorRecordings.v14(), SubtensorRecordings.v15());
  }

  @Test
  void versionsAndSizes() {
    RuntimeMetadata v14 = SubtensorRecordings.v14();
    RuntimeMetadata v15 = SubtensorRecordings.v15();
    assertThat(v14.version()).isEqualTo(14);
    assertThat(v15.version()).isEqualTo(15);
    assertThat(v14.types().size()).isEqualTo(552);
    assertThat(v15.types().size()).isEqualTo(712);
    assertThat(v14.pallets()).hasSize(26);
    assertThat(v15.pallets().stream().map(Pallet::name))
        .isEqualTo(v14.pallets().stream().map(Pallet::name).toList())
        .contains("System", "Balances", "SubtensorModule", "Commitments");
    assertThat(v14.apis()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("both")
  void specVersionFromTheSystemVersionConstant(RuntimeMetadata md) {
    Constant version = md.constant("System", "Version").orElseThrow();
    Value decoded = new ValueDecoder(md.types()).decode(version.type(), version.value());
    Value.Composite runtime = (Value.Composite) decoded;
    // RuntimeString is a newtype around str.
    assertThat(runtime.field("spec_name").orElseThrow().unwrapped())
        .isEqualTo(new Value.Text("node-subtensor"));
    assertThat(runtime.field("spec_version").orElseThrow().asLong()).isEqualTo(343);
    assertThat(runtime.field("transaction_version").orElseThrow().asLong()).isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("both")
  void callIndicesByName(RuntimeMetadata md) {
    assertThat(md.pallet("SubtensorModule").orElseThrow().index()).isEqualTo(7);
    assertThat(md.callIndex("SubtensorModule", "set_weights")).contains(new CallIndex(7, 0));
    assertThat(md.callIndex("SubtensorModule", "add_stake")).contains(new CallIndex(7, 2));
    assertThat(md.callIndex("SubtensorModule", "serve_axon")).contains(new CallIndex(7, 4));
    assertThat(md.callIndex("SubtensorModule", "burned_register")).contains(new CallIndex(7, 7));
    assertThat(md.callIndex("SubtensorModule", "commit_weights")).contains(new CallIndex(7, 96));
    assertThat(md.callIndex("SubtensorModule", "reveal_weights")).contains(new CallIndex(7, 97));
    assertThat(md.callIndex("SubtensorModule", "commit_timelocked_weights"))
        .contains(new CallIndex(7, 113));
    assertThat(md.callIndex("SubtensorModule", "set_mechanism_weights"))
        .contains(new CallIndex(7, 119));
    assertThat(md.callIndex("Balances", "transfer_keep_alive")).contains(new CallIndex(5, 3));
    assertThat(md.callIndex("SubtensorModule", "no_such_call")).isEmpty();
    assertThat(md.callIndex("NoSuchPallet", "set_weights")).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("both")
  void callArgumentsByName(RuntimeMetadata md) {
    Variant setWeights =
        md.calls("SubtensorModule").stream()
            .filter(v -> v.name().equals("set_weights"))
            .findFirst()
            .orElseThrow();
    assertThat(setWeights.fields().stream().map(f -> f.name().orElseThrow()))
        .containsExactly("netuid", "dests", "weights", "version_key");
  }

  @ParameterizedTest
  @MethodSource("both")
  void signedExtensionsInOrder(RuntimeMetadata md) {
    assertThat(md.extrinsic().version()).isEqualTo(4);
    assertThat(md.extrinsic().signedExtensionNames())
        .containsExactly(
            "CheckNonZeroSender",
            "CheckSpecVersion",
            "CheckTxVersion",
            "CheckGenesis",
            "CheckMortality",
            "CheckNonce",
            "CheckWeight",
            "ChargeTransactionPayment",
            "SubtensorTransactionExtension",
            "DrandPriority",
            "CheckMetadataHash");
  }

  @ParameterizedTest
  @MethodSource("both")
  void storageEntriesWithHashersAndDefaults(RuntimeMetadata md) {
    StorageEntry uids = md.storageEntry("SubtensorModule", "Uids").orElseThrow();
    assertThat(uids.hashers())
        .containsExactly(StorageHasher.IDENTITY, StorageHasher.BLAKE2_128_CONCAT);
    assertThat(uids.modifier()).isEqualTo(StorageEntry.Modifier.OPTIONAL);
    StorageEntry tempo = md.storageEntry("SubtensorModule", "Tempo").orElseThrow();
    assertThat(tempo.modifier()).isEqualTo(StorageEntry.Modifier.DEFAULT);
    assertThat(tempo.defaultValue()).isEqualTo(Bytes.fromHex("6801")); // 360 blocks
    assertThat(md.storageEntry("System", "Account").orElseThrow().hashers())
        .containsExactly(StorageHasher.BLAKE2_128_CONCAT);
    assertThat(md.storageEntry("SubtensorModule", "Nope")).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("both")
  void errorsAndEventsByName(RuntimeMetadata md) {
    List<Variant> errors = md.errors("SubtensorModule");
    assertThat(errors).hasSize(123);
    Variant first = errors.get(0);
    assertThat(first.name()).isEqualTo("RootNetworkDoesNotExist");
    assertThat(md.error(7, first.index())).contains(first);
    assertThat(md.events("SubtensorModule")).hasSize(109);
  }

  @Test
  void v15RuntimeApisWithInputsAndOutputs() {
    RuntimeMetadata md = SubtensorRecordings.v15();
    RuntimeApi.Method neurons =
        md.runtimeApiMethod("NeuronInfoRuntimeApi", "get_neurons_lite").orElseThrow();
    assertThat(neurons.inputs()).extracting(RuntimeApi.Param::name).containsExactly("netuid");
    PortableType out = md.types().get(neurons.output());
    assertThat(out.def()).isInstanceOf(TypeDef.Sequence.class);
    int element = ((TypeDef.Sequence) out.def()).element();
    assertThat(md.types().get(element).path())
        .containsExactly("pallet_subtensor", "rpc_info", "neuron_info", "NeuronInfoLite");
    assertThat(md.runtimeApiMethod("NeuronInfoRuntimeApi", "get_neuron").orElseThrow().inputs())
        .extracting(RuntimeApi.Param::name)
        .containsExactly("netuid", "uid");
    assertThat(md.runtimeApiMethod("SubnetInfoRuntimeApi", "get_subnet_hyperparams_v2"))
        .isPresent();
    assertThat(md.runtimeApiMethod("SubnetInfoRuntimeApi", "nope")).isEmpty();
    assertThat(md.extrinsic().callType()).isPresent();
    assertThat(md.types().get(md.extrinsic().callType().getAsInt()).name())
        .isEqualTo("RuntimeCall");
  }

  @Test
  void unknownVersionIsRefusedByNumber() {
    byte[] raw = SubtensorRecordings.metadataV14Bytes().toArray();
    raw[4] = 13;
    assertThatThrownBy(() -> MetadataDecoder.decode(Bytes.of(raw)))
        .isInstanceOf(ScaleDecodeException.class)
        .hasMessage("scale: $ at offset 4: metadata version 13 (expected: 14 or 15)");
  }

  @Test
  void wrongMagicIsRefused() {
    assertThatThrownBy(() -> MetadataDecoder.decode(Bytes.fromHex("4d4554410e00")))
        .hasMessage("scale: $ at offset 0: magic 0x4154454d (expected: 0x6174656d, \"meta\")");
  }

  @Test
  void truncatedMetadataNamesWhereItStopped() {
    byte[] raw = SubtensorRecordings.metadataV14Bytes().toArray();
    byte[] half = Arrays.copyOf(raw, raw.length / 2);
    assertThatThrownBy(() -> MetadataDecoder.decode(Bytes.of(half)))
        .isInstanceOf(ScaleDecodeException.class)
        .hasMessage(
            "scale: $.types[248].def.variants[2].fields[0].typeName at offset 130856: length 7"
                + " needs at least 7 bytes, 1 left (expected: <= 1)");
  }

  @Test
  void trailingBytesAreRefused() {
    byte[] raw = SubtensorRecordings.metadataV14Bytes().toArray();
    byte[] longer = Arrays.copyOf(raw, raw.length + 1);
    assertThatThrownBy(() -> MetadataDecoder.decode(Bytes.of(longer)))
        .hasMessage(
            "scale: $ at offset " + raw.length + ": 1 trailing bytes (expected: end of input)");
  }

  @Test
  void aTypeReferringOutsideTheRegistryIsRefused() {
    // meta, v14, one type: id 0, no path, no params, Sequence of type 5, no docs.
    assertThatThrownBy(
            () -> MetadataDecoder.decode(Bytes.fromHex("6d657461" + "0e" + "04000000021400")))
        .isInstanceOf(ScaleDecodeException.class)
        .hasMessage("scale: $ at offset 12: types[0] refers to type 5 (expected: 0..0)");
  }

  @Test
  void opaqueNoneMeansTheVersionIsMissing() {
    assertThat(MetadataDecoder.decodeOpaque(Bytes.fromHex("00"))).isEmpty();
  }
}
