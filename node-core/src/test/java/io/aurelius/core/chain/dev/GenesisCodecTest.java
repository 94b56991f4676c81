package io.aurelius.core.chain.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.core.chain.Endpoint;
import io.aurelius.core.chain.Role;
import io.aurelius.core.chain.TestKeys;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GenesisCodecTest {
  private static String doc(String body) {
    return "{\"netuid\": 37" + body + "}";
  }

  @Test
  void omittedKeysTakeSubtensorDefaultsAndTheCanonicalFormSpellsThemOut() {
    Genesis g =
        read(
            doc(
                ", \"tempo\": 10, \"accounts\": [{\"coldkey\": \""
                    + TestKeys.id(1)
                    + "\", \"balance\": 5}], \"neurons\": [{\"hotkey\": \""
                    + TestKeys.id(2)
                    + "\", \"coldkey\": \""
                    + TestKeys.id(1)
                    + "\", \"role\": \"validator\", \"endpoint\": \"127.0.0.1:9\", \"stake\": 3}]"));
    assertThat(g.params())
        .isEqualTo(
            new SubnetParams(
                37,
                10,
                12_000,
                4096,
                256,
                128,
                10,
                32767,
                65535,
                900_000,
                5000,
                0,
                100,
                0,
                1024,
                65535,
                true,
                1,
                0,
                0,
                3,
                1_000_000_000L,
                11796));
    assertThat(g.neurons().get(0))
        .isEqualTo(
            new Genesis.Neuron(
                TestKeys.id(2),
                KeyScheme.ED25519,
                TestKeys.id(1),
                Role.VALIDATOR,
                new Endpoint("127.0.0.1", 9),
                3));
    assertThat(g.issuance()).isEqualTo(8);
    Genesis again = GenesisCodec.fromTree(GenesisCodec.toTree(g), "canonical");
    assertThat(again).isEqualTo(g);
    assertThat(GenesisCodec.chainId(again)).isEqualTo(GenesisCodec.chainId(g));
    assertThat(GenesisCodec.chainId(g.withAuthority(TestKeys.id(9))))
        .isNotEqualTo(GenesisCodec.chainId(g));
    assertThat(new String(GenesisCodec.canonicalBytes(g)))
        .contains("\"max-uids\":256")
        .contains("\"kappa\":32767");
  }

  @Test
  void badGenesisDocumentsAreOneLineErrors() {
    assertBad("{\"tempo\": 3}", "g.json: netuid is missing");
    assertBad(
        doc(", \"tempos\": 3"),
        "g.json: unknown key 'tempos' (expected one of: accounts, activity-cutoff");
    assertBad(doc(", \"tempo\": 0"), "g.json: tempo: 0 (expected: 1..50400)");
    assertBad(doc(", \"kappa\": 1.5"), "g.json: kappa: 1.5 (expected: a whole number)");
    assertBad(
        doc(", \"commit-reveal-enabled\": \"yes\""),
        "g.json: commit-reveal-enabled: \"yes\" (expected: true or false)");
    assertBad(
        doc(", \"accounts\": [{\"coldkey\": \"nope\", \"balance\": 1}]"),
        "g.json: accounts[0]: coldkey: key id 'nope'");
    assertBad(
        doc(", \"accounts\": [{\"coldkey\": \"" + TestKeys.id(1) + "\", \"balance\": -1}]"),
        "g.json: accounts[0]: balance: -1 (expected: 0..");
    assertBad(
        doc(
            ", \"neurons\": [{\"hotkey\": \""
                + TestKeys.id(2)
                + "\", \"coldkey\": \""
                + TestKeys.id(1)
                + "\", \"role\": \"king\"}]"),
        "g.json: neurons[0]: role 'king' (expected: miner or validator)");
    assertBad(
        doc(
            ", \"max-uids\": 1, \"neurons\": ["
                + "{\"hotkey\": \""
                + TestKeys.id(2)
                + "\", \"coldkey\": \""
                + TestKeys.id(1)
                + "\", \"role\": \"miner\"},"
                + "{\"hotkey\": \""
                + TestKeys.id(3)
                + "\", \"coldkey\": \""
                + TestKeys.id(1)
                + "\", \"role\": \"miner\"}]"),
        "g.json: neurons: 2 (expected: at most max-uids 1)");
    assertBad(
        doc(
            ", \"accounts\": [{\"coldkey\": \""
                + TestKeys.id(1)
                + "\", \"balance\": 9007199254740991},"
                + "{\"coldkey\": \""
                + TestKeys.id(2)
                + "\", \"balance\": 1}]"),
        "g.json: genesis issues more than");
    assertBad("[]", "g.json: top level is array");
  }

  @Test
  void epochsFollowTheLegacySubtensorTrigger() {
    SubnetParams p =
        new Genesis(
                SubnetParams.defaults(1),
                Optional.empty(),
                Optional.empty(),
                java.util.List.of(),
                java.util.List.of())
            .params();
    // netuid 1, tempo 360: (b + 2) % 361 == 0
    assertThat(p.isEpochBlock(359)).isTrue();
    assertThat(p.isEpochBlock(360)).isFalse();
    assertThat(p.isEpochBlock(720)).isTrue();
    assertThat(p.epochIndex(358)).isZero();
    assertThat(p.epochIndex(359)).isEqualTo(1);
  }

  private static Genesis read(String json) {
    return GenesisCodec.fromTree(Json.parse(json, "g.json", JsonLimits.UNTRUSTED), "g.json");
  }

  private static void assertBad(String json, String messageStart) {
    assertThatThrownBy(() -> read(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(messageStart)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
