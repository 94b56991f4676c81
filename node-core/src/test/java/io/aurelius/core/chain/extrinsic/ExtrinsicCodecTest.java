package io.aurelius.core.chain.extrinsic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.chain.Endpoint;
import io.aurelius.core.chain.Role;
import io.aurelius.core.chain.Salt;
import io.aurelius.core.chain.TestKeys;
import io.aurelius.core.chain.Weights;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.crypto.Sr25519KeyPair;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtrinsicCodecTest {
  private static final String CHAIN = "ab".repeat(32);

  @Test
  void everyCallRoundTripsAndStillVerifies() {
    String proof = "00".repeat(64);
    List<Call> calls =
        List.of(
            new Register(
                37,
                TestKeys.id(2),
                KeyScheme.ED25519,
                Role.VALIDATOR,
                new Endpoint("10.0.0.1", 8091),
                proof),
            new ServeEndpoint(37, Endpoint.parse("[::1]:9000")),
            new SetWeights(37, new Weights(List.of(0, 3), List.of(65535, 12)), 4),
            new CommitWeights(37, "cd".repeat(32)),
            new RevealWeights(37, new Weights(List.of(1), List.of(7)), new Salt(List.of(1, 2)), 0),
            new AddStake(TestKeys.id(3), 1_000),
            new RemoveStake(TestKeys.id(3), 1),
            new Transfer(TestKeys.id(4), (1L << 53) - 1));
    long nonce = 0;
    for (Call call : calls) {
      Extrinsic x = Extrinsic.sign(CHAIN, TestKeys.key(1), nonce++, call);
      JsonNode wire =
          Json.parse(Json.toTree(ExtrinsicCodec.toTree(x)).toString(), "x", JsonLimits.UNTRUSTED);
      Extrinsic back = ExtrinsicCodec.fromTree(wire, "x");
      assertThat(back).isEqualTo(x);
      assertThat(back.verify(CHAIN)).isTrue();
      assertThat(back.verify("ef".repeat(32))).as("another chain").isFalse();
      assertThat(back.hash()).isEqualTo(x.hash()).hasSize(64);
    }
  }

  @Test
  void alteringAnySignedFieldBreaksTheSignature() {
    Extrinsic x = Extrinsic.sign(CHAIN, TestKeys.key(1), 5, new Transfer(TestKeys.id(2), 10));
    assertThat(
            new Extrinsic(x.signer(), KeyScheme.ED25519, 6, x.call(), x.signature()).verify(CHAIN))
        .isFalse();
    assertThat(
            new Extrinsic(
                    x.signer(),
                    KeyScheme.ED25519,
                    5,
                    new Transfer(TestKeys.id(2), 11),
                    x.signature())
                .verify(CHAIN))
        .isFalse();
    assertThat(
            new Extrinsic(TestKeys.id(9), KeyScheme.ED25519, 5, x.call(), x.signature())
                .verify(CHAIN))
        .isFalse();
  }

  @Test
  void anSr25519ExtrinsicNamesItsSchemeRoundTripsAndVerifiesOnlyUnderIt() {
    Sr25519KeyPair key = Sr25519KeyPair.generate();
    Extrinsic x = Extrinsic.sign(CHAIN, key, 4, new Transfer(TestKeys.id(2), 11));
    ObjectNode tree = ExtrinsicCodec.toTree(x);
    assertThat(tree.get("scheme").asText()).isEqualTo("sr25519");
    Extrinsic back = ExtrinsicCodec.fromTree(tree, "x");
    assertThat(back).isEqualTo(x);
    assertThat(back.verify(CHAIN)).isTrue();
    assertThat(
            new Extrinsic(x.signer(), KeyScheme.ED25519, 4, x.call(), x.signature()).verify(CHAIN))
        .isFalse();
    assertThat(
            ExtrinsicCodec.toTree(Extrinsic.sign(CHAIN, TestKeys.key(1), 0, x.call()))
                .has("scheme"))
        .isFalse();
    assertMalformed(with(tree, "scheme", "rsa"), "x: scheme: 'rsa' (expected: ed25519 or sr25519)");
  }

  @Test
  void malformedExtrinsicsGiveOneLineErrorsNamingTheField() {
    ObjectNode good =
        ExtrinsicCodec.toTree(
            Extrinsic.sign(
                CHAIN,
                TestKeys.key(1),
                0,
                new SetWeights(37, new Weights(List.of(1), List.of(2)), 0)));
    assertMalformed(with(good, "nonce", -1), "x: nonce: -1 (expected: 0..");
    assertMalformed(with(good, "nonce", "7"), "x: nonce: \"7\"");
    assertMalformed(with(good, "extra", 1), "x: extra: unknown field");
    ObjectNode noSig = good.deepCopy();
    noSig.remove("signature");
    assertMalformed(noSig, "x: signature: missing");
    ObjectNode badCall = good.deepCopy();
    ((ObjectNode) badCall.get("call")).put("type", "sudo");
    assertMalformed(badCall, "x: call.type: 'sudo'");
    ObjectNode bigValue = good.deepCopy();
    ((ObjectNode) bigValue.get("call")).putArray("values").add(70000);
    assertMalformed(bigValue, "x: values[0]: 70000 (expected: an integer 0..65535)");
    ObjectNode badSigner = with(good, "signer", "5notakey");
    assertMalformed(badSigner, "x: signer: key id '5notakey'");
    ObjectNode shortSig = with(good, "signature", "abcd");
    assertMalformed(shortSig, "x: signature: 'abcd' (expected: 128 lower-case hex digits)");
    ObjectNode tooMany = good.deepCopy();
    var uids = ((ObjectNode) tooMany.get("call")).putArray("uids");
    for (int i = 0; i <= Weights.MAX_ENTRIES; i++) {
      uids.add(i % 100);
    }
    assertMalformed(tooMany, "x: uids: 4097 entries (expected: at most 4096)");
  }

  @Test
  void commitHashIsBlake2bOfTheScaleEncoding() {
    // Expected bytes and digest computed independently with Python's
    // hashlib.blake2b(digest_size=32)
    // over the SCALE layout of docs/reference.md §1: pk 0x01..0x20, netuid 37, uids [0, 1],
    // values [65535, 32768], salt [1, 2, 3], version_key 7.
    byte[] pk = new byte[32];
    for (int i = 0; i < 32; i++) {
      pk[i] = (byte) (i + 1);
    }
    var hotkey =
        io.aurelius.core.identity.KeyId.of(io.aurelius.core.crypto.Ed25519PublicKey.fromBytes(pk));
    Weights w = new Weights(List.of(0, 1), List.of(65535, 32768));
    Salt salt = new Salt(List.of(1, 2, 3));
    assertThat(java.util.HexFormat.of().formatHex(WeightCommitHash.scale(hotkey, 37, w, salt, 7)))
        .isEqualTo(
            "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20"
                + "2500"
                + "080000"
                + "0100"
                + "08ffff0080"
                + "0c010002000300"
                + "0700000000000000");
    assertThat(WeightCommitHash.of(hotkey, 37, w, salt, 7))
        .isEqualTo("327b6f525da162a53a8cbaa625b5f6e5259d4ff65205f07f1cb1801bb2826a96");
  }

  @Test
  void compactLengthsFollowScale() {
    assertThat(WeightCommitHash.compact(0)).containsExactly(0x00);
    assertThat(WeightCommitHash.compact(1)).containsExactly(0x04);
    assertThat(WeightCommitHash.compact(63)).containsExactly(0xfc);
    assertThat(WeightCommitHash.compact(64)).containsExactly(0x01, 0x01);
    assertThat(WeightCommitHash.compact(16383)).containsExactly(0xfd, 0xff);
    assertThat(WeightCommitHash.compact(16384)).containsExactly(0x02, 0x00, 0x01, 0x00);
  }

  private static ObjectNode with(ObjectNode node, String field, Object value) {
    ObjectNode copy = node.deepCopy();
    if (value instanceof Integer i) {
      copy.put(field, i);
    } else {
      copy.put(field, (String) value);
    }
    return copy;
  }

  private static void assertMalformed(JsonNode node, String messageStart) {
    assertThatThrownBy(() -> ExtrinsicCodec.fromTree(node, "x"))
        .isInstanceOf(MalformedExtrinsicException.class)
        .hasMessageStartingWith(messageStart)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
