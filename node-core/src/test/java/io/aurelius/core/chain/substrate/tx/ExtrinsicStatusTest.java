package io.aurelius.core.chain.substrate.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurelius.core.chain.RejectReason;
import io.aurelius.core.chain.substrate.SubtensorRecordings;
import io.aurelius.core.chain.substrate.metadata.RuntimeMetadata;
import io.aurelius.core.chain.substrate.scale.Bytes;
import io.aurelius.core.chain.substrate.value.Value;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Substrate's transaction statuses as the node sends them, and dispatch errors by name. */
class ExtrinsicStatusTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HASH = "0x" + "ab".repeat(32);

  private static ExtrinsicStatus parse(String json) throws Exception {
    return ExtrinsicStatus.parse(JSON.readTree(json));
  }

  @Test
  void everyStatusOfTheWatch() throws Exception {
    Bytes hash = Bytes.fromHex(HASH);
    assertThat(parse("\"future\"")).isEqualTo(new ExtrinsicStatus.Pooled("future"));
    assertThat(parse("\"ready\"")).isEqualTo(new ExtrinsicStatus.Pooled("ready"));
    assertThat(parse("{\"broadcast\":[\"12D3Koo\"]}"))
        .isEqualTo(new ExtrinsicStatus.Pooled("broadcast"));
    assertThat(parse("{\"inBlock\":\"" + HASH + "\"}"))
        .isEqualTo(new ExtrinsicStatus.InBlock(hash));
    assertThat(parse("{\"retracted\":\"" + HASH + "\"}"))
        .isEqualTo(new ExtrinsicStatus.Retracted(hash));
    assertThat(parse("{\"finalized\":\"" + HASH + "\"}").terminal()).isTrue();
    assertThat(parse("{\"usurped\":\"" + HASH + "\"}"))
        .isEqualTo(new ExtrinsicStatus.Ended("usurped", Optional.of(hash)));
    assertThat(parse("{\"finalityTimeout\":\"" + HASH + "\"}").terminal()).isTrue();
    assertThat(parse("\"dropped\""))
        .isEqualTo(new ExtrinsicStatus.Ended("dropped", Optional.empty()));
    assertThat(parse("\"invalid\"").terminal()).isTrue();
    assertThat(parse("\"ready\"").terminal()).isFalse();
  }

  @Test
  void garbageIsOneLineNamingTheStatuses() {
    assertThatThrownBy(() -> parse("\"limbo\""))
        .hasMessageStartingWith("extrinsic status \"limbo\" (expected: future, ready,");
    assertThatThrownBy(() -> parse("{\"inBlock\":42}"))
        .hasMessage("extrinsic status inBlock: 42 (expected: a 0x-hex block hash)");
    assertThatThrownBy(() -> parse("{\"inBlock\":\"0xabcd\"}"))
        .hasMessage("extrinsic status inBlock: 2-byte hash (expected: 32)");
    assertThatThrownBy(() -> parse("{\"inBlock\":\"" + HASH + "\",\"finalized\":\"" + HASH + "\"}"))
        .hasMessageStartingWith("extrinsic status {");
  }

  @Test
  void dispatchErrorsResolveThroughTheMetadata() {
    RuntimeMetadata md = SubtensorRecordings.v15();
    int pallet = md.pallet("SubtensorModule").orElseThrow().index();
    int error =
        md.errors("SubtensorModule").stream()
            .filter(v -> v.name().equals("NeuronNoValidatorPermit"))
            .findFirst()
            .orElseThrow()
            .index();
    DispatchFailure f = DispatchFailure.of(module(pallet, error), md);
    assertThat(f.name()).isEqualTo("SubtensorModule.NeuronNoValidatorPermit");
    assertThat(f.reason()).isEqualTo(RejectReason.NO_VALIDATOR_PERMIT);
    assertThat(f.docs()).isNotEmpty();
    int balances = md.pallet("Balances").orElseThrow().index();
    int insufficient =
        md.errors("Balances").stream()
            .filter(v -> v.name().equals("InsufficientBalance"))
            .findFirst()
            .orElseThrow()
            .index();
    assertThat(DispatchFailure.of(module(balances, insufficient), md).reason())
        .isEqualTo(RejectReason.INSUFFICIENT_BALANCE);
    assertThat(DispatchFailure.of(module(pallet, 250), md).name())
        .isEqualTo("SubtensorModule.error 250");
    Value token =
        new Value.Variant(
            "Token",
            7,
            List.of(
                new Value.NamedValue(
                    Optional.empty(), new Value.Variant("FundsUnavailable", 0, List.of()))));
    assertThat(DispatchFailure.of(token, md).name()).isEqualTo("Token.FundsUnavailable");
    assertThat(DispatchFailure.of(token, md).reason()).isEqualTo(RejectReason.INSUFFICIENT_BALANCE);
    DispatchFailure badOrigin =
        DispatchFailure.of(new Value.Variant("BadOrigin", 2, List.of()), md);
    assertThat(badOrigin.name()).isEqualTo("BadOrigin");
    assertThat(badOrigin.reason()).isEqualTo(RejectReason.DISPATCH_FAILED);
  }

  private static Value module(int pallet, int error) {
    Value m =
        new Value.Composite(
            List.of(
                new Value.NamedValue(Optional.of("index"), Value.of(pallet)),
                new Value.NamedValue(
                    Optional.of("error"), Value.bytes(new byte[] {(byte) error, 0, 0, 0}))));
    return new Value.Variant("Module", 3, List.of(new Value.NamedValue(Optional.empty(), m)));
  }
}
