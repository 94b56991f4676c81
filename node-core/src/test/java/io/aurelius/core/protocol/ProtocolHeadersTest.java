package io.aurelius.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.identity.KeyId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProtocolHeadersTest {
  @Test
  void acceptsTheCanonicalForms() {
    assertThat(ProtocolHeaders.parseNonce("1700000000000000000"))
        .isEqualTo(1_700_000_000_000_000_000L);
    assertThat(ProtocolHeaders.parseUuid("3f2b8c1e-0d4a-4b6e-9c1f-2a7d5e8b9c00")).isNotEmpty();
    assertThat(ProtocolHeaders.parseSignature("ab".repeat(64))).hasSize(64);
  }

  @Test
  void refusesEverythingElseWithAOneLine400() {
    assertBadRequest(
        () -> ProtocolHeaders.parseNonce("-1"),
        "header x-aurelius-nonce: '-1' (expected: 1..19 decimal digits)");
    assertBadRequest(
        () -> ProtocolHeaders.parseNonce("99999999999999999999"),
        "header x-aurelius-nonce: '99999999999999999999' (expected: 1..19 decimal digits)");
    assertBadRequest(
        () -> ProtocolHeaders.parseNonce("9999999999999999999"),
        "header x-aurelius-nonce: '9999999999999999999' (expected: at most 9223372036854775807)");
    assertBadRequest(
        () -> ProtocolHeaders.parseUuid("3F2B8C1E-0D4A-4B6E-9C1F-2A7D5E8B9C00"),
        "(expected: a lowercase 8-4-4-4-12 hex uuid)");
    assertBadRequest(
        () -> ProtocolHeaders.parseSignature("0x" + "ab".repeat(63)),
        "(expected: 128 lowercase hex digits)");
    assertBadRequest(
        () -> ProtocolHeaders.parseBodyHash("AB".repeat(32)),
        "(expected: 64 lowercase hex digits)");
    assertBadRequest(
        () -> ProtocolHeaders.parseKeyId(ProtocolHeaders.SENDER, "5Grwva"),
        "header x-aurelius-sender: key id '5Grwva'");
    assertBadRequest(() -> ProtocolHeaders.parseUuid("a\nb"), "'a?b'");
  }

  @Test
  void signedRequestHeadersAreTheSixProtocolHeaders() {
    ProtocolIdentity identity = ProtocolIdentity.of(Ed25519KeyPair.generate());
    KeyId receiver = KeyId.of(Ed25519KeyPair.generate().publicKey());
    Map<String, String> headers =
        identity.signRequest(receiver, "3f2b8c1e-0d4a-4b6e-9c1f-2a7d5e8b9c00", new byte[0]);
    assertThat(headers)
        .containsOnlyKeys(
            ProtocolHeaders.SENDER,
            ProtocolHeaders.RECEIVER,
            ProtocolHeaders.NONCE,
            ProtocolHeaders.UUID,
            ProtocolHeaders.BODY_SHA256,
            ProtocolHeaders.SIGNATURE);
    assertThat(headers.get(ProtocolHeaders.SENDER)).isEqualTo(identity.hotkey().address());
    assertThat(headers.get(ProtocolHeaders.BODY_SHA256))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  private static void assertBadRequest(Runnable parse, String messagePart) {
    assertThatThrownBy(parse::run)
        .isInstanceOfSatisfying(
            RefusalException.class,
            e -> {
              assertThat(e.refusal().status()).isEqualTo(ProtocolStatus.BAD_REQUEST);
              assertThat(e.refusal().message()).contains(messagePart);
            });
  }
}
