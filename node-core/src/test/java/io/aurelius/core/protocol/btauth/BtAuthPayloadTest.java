package io.aurelius.core.protocol.btauth;

import static io.aurelius.core.protocol.btauth.BtAuthFixtures.ALICE_SR_SS58;
import static io.aurelius.core.protocol.btauth.BtAuthFixtures.BOB_SS58;
import static io.aurelius.core.protocol.btauth.BtAuthFixtures.BODY;
import static io.aurelius.core.protocol.btauth.BtAuthFixtures.NONCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.core.crypto.KeyScheme;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What cannot be one line of the payload, and the small value types around it. */
class BtAuthPayloadTest {
  private static final String HASH = BtAuthPayload.sha256Hex(BODY);

  @Test
  void emptyBodyHash() {
    assertThat(BtAuthPayload.sha256Hex(new byte[0]))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "PO ST", "POST\n", "GET(", "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFG"})
  void aMethodMustBeAToken(String method) {
    assertThatThrownBy(
            () ->
                new BtAuthPayload(
                    KeyScheme.SR25519, method, "/", HASH, NONCE, ALICE_SR_SS58, BOB_SS58))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("method: ");
  }

  @Test
  void methodTokensAreUppercased() {
    assertThat(
            new BtAuthPayload(KeyScheme.SR25519, "m-search", "/", HASH, NONCE, ALICE_SR_SS58, null)
                .method())
        .isEqualTo("M-SEARCH");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/a\nb", "/a\rb", "/\u007f"})
  void aTargetIsOneNonEmptyLine(String target) {
    assertThatThrownBy(
            () ->
                new BtAuthPayload(
                    KeyScheme.SR25519, "POST", target, HASH, NONCE, ALICE_SR_SS58, BOB_SS58))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("target: ");
  }

  @Test
  void targetLengthIsBounded() {
    String longest = "/" + "a".repeat(BtAuthPayload.MAX_TARGET_LENGTH - 1);
    assertThat(
            new BtAuthPayload(KeyScheme.SR25519, "GET", longest, HASH, NONCE, ALICE_SR_SS58, null)
                .target())
        .isEqualTo(longest);
    assertThatThrownBy(
            () ->
                new BtAuthPayload(
                    KeyScheme.SR25519, "GET", longest + "a", HASH, NONCE, ALICE_SR_SS58, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "abc", "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"})
  void theBodyHashIs64LowercaseHex(String hash) {
    assertThatThrownBy(
            () ->
                new BtAuthPayload(
                    KeyScheme.SR25519, "POST", "/", hash, NONCE, ALICE_SR_SS58, BOB_SS58))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("body sha256: ");
  }

  @Test
  void senderAndReceiverAreOneLineAndADashReceiverIsNone() {
    assertThatThrownBy(
            () -> new BtAuthPayload(KeyScheme.SR25519, "POST", "/", HASH, NONCE, "a\nb", null))
        .hasMessageStartingWith("sender: ");
    assertThatThrownBy(
            () -> new BtAuthPayload(KeyScheme.SR25519, "POST", "/", HASH, NONCE, "a", "b\nc"))
        .hasMessageStartingWith("receiver: ");
    assertThatThrownBy(
            () -> new BtAuthPayload(KeyScheme.SR25519, "POST", "/", HASH, NONCE, "a", "-"))
        .hasMessageStartingWith("receiver: '-'");
  }

  @Test
  void headersCompareByValueAndCopyTheirSignature() {
    byte[] sig = new byte[64];
    BtAuthHeaders a = new BtAuthHeaders(ALICE_SR_SS58, BOB_SS58, NONCE, null, sig);
    sig[0] = 1;
    BtAuthHeaders b = new BtAuthHeaders(ALICE_SR_SS58, BOB_SS58, NONCE, null, new byte[64]);
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.signature()[0]).isZero();
    a.signature()[0] = 2;
    assertThat(a.signature()[0]).isZero();
    assertThat(a).isNotEqualTo(new BtAuthHeaders(ALICE_SR_SS58, BOB_SS58, NONCE, "ed25519", sig));
    assertThat(a).isNotEqualTo(new BtAuthHeaders(ALICE_SR_SS58, null, NONCE, null, new byte[64]));
    assertThat(a).isNotEqualTo(new BtAuthHeaders(ALICE_SR_SS58, BOB_SS58, 1, null, new byte[64]));
    assertThat(a.toString()).contains("X-Bittensor-Hotkey=" + ALICE_SR_SS58);
  }

  @Test
  void refusedReadsAsItsNameAndMessage() {
    assertThat(new BtAuthResult.Refused(BtAuthReason.STALE_REQUEST, "old").toString())
        .isEqualTo("StaleRequest: old");
  }

  @Test
  void constructorsRefuseNonsense() {
    assertThatThrownBy(() -> new BoundedReplayStore(Duration.ZERO, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BoundedReplayStore(Duration.ofSeconds(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new BtAuthVerifier(
                    BOB_SS58,
                    SchemePins.all(KeyScheme.SR25519),
                    new BoundedReplayStore(Duration.ofSeconds(12), 1),
                    io.aurelius.core.protocol.ProtocolClock.SYSTEM,
                    Duration.ofSeconds(-1),
                    Duration.ofSeconds(2),
                    true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("maxAge: ");
    assertThatThrownBy(
            () ->
                BtAuthVerifier.withDefaults(
                    "not-an-address",
                    SchemePins.all(KeyScheme.SR25519),
                    io.aurelius.core.protocol.ProtocolClock.SYSTEM))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSystemNonceIsNearTheWallClock() {
    long before = io.aurelius.core.protocol.ProtocolClock.SYSTEM.wallNanos();
    long nonce = NonceSource.system().next();
    assertThat(nonce).isBetween(before, before + Duration.ofSeconds(5).toNanos());
  }
}
