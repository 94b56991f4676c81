package io.aurelius.core.protocol.btauth;

import static io.aurelius.core.protocol.btauth.BtAuthFixtures.ALICE_SR;
import static io.aurelius.core.protocol.btauth.BtAuthFixtures.BOB_SS58;
import static io.aurelius.core.protocol.btauth.BtAuthFixtures.BODY;
import static io.aurelius.core.protocol.btauth.BtAuthFixtures.METHOD;
import static io.aurelius.core.protocol.btauth.BtAuthFixtures.NONCE;
import static io.aurelius.core.protocol.btauth.BtAuthFixtures.TARGET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.protocol.HeaderLookup;
import io.aurelius.core.protocol.ManualProtocolClock;
import io.aurelius.core.protocol.btauth.BtAuthResult.Refused;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Shape: each malformed header is {@code MalformedAuth}, found before any signature work. */
class BtAuthHeadersTest {
  private static Map<String, String> good() {
    return new LinkedHashMap<>(
        new BtAuthSigner(ALICE_SR, BtAuthFixtures.firstNonce(NONCE))
            .sign(METHOD, TARGET, BODY, BOB_SS58)
            .asMap());
  }

  private static String malformed(Map<String, String> headers) {
    return malformed(BtAuthHeaders.lookup(headers));
  }

  private static String malformed(HeaderLookup lookup) {
    BtAuthException e =
        catchThrowableOfType(() -> BtAuthHeaders.parse(lookup), BtAuthException.class);
    assertThat(e).as("parse should refuse").isNotNull();
    Refused r = e.refusal();
    assertThat(r.reason()).isEqualTo(BtAuthReason.MALFORMED_AUTH);
    assertThat(r.message()).doesNotContain("\n").hasSizeLessThan(200);
    // The verifier answers the same, whatever the pins say.
    BtAuthVerifier v =
        BtAuthVerifier.withDefaults(
            BOB_SS58, SchemePins.all(KeyScheme.SR25519), new ManualProtocolClock(NONCE));
    assertThat(v.verify(lookup, METHOD, TARGET, BODY)).isEqualTo(r);
    return r.message();
  }

  @Test
  void roundTrip() throws BtAuthException {
    Map<String, String> sent = good(); // sr25519 signatures are randomized: one signing only
    BtAuthHeaders parsed = BtAuthHeaders.parse(BtAuthHeaders.lookup(sent));
    assertThat(parsed.asMap()).isEqualTo(sent);
    assertThat(parsed.crypto()).isNull();
    assertThat(parsed.receiver()).isEqualTo(BOB_SS58);
    assertThat(parsed.nonce()).isEqualTo(NONCE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "X-Bittensor-Version",
        "X-Bittensor-Hotkey",
        "X-Bittensor-Nonce",
        "X-Bittensor-Signature"
      })
  void missingRequiredHeader(String name) {
    Map<String, String> headers = good();
    headers.remove(name);
    assertThat(malformed(headers)).isEqualTo("missing " + name);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "X-Bittensor-Version   | 2",
        "X-Bittensor-Version   | ''",
        "X-Bittensor-Version   | 01",
        "X-Bittensor-Hotkey    | ''",
        "X-Bittensor-Hotkey    | 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQZ",
        "X-Bittensor-Hotkey    | not-base58-0OIl",
        "X-Bittensor-Receiver  | ''",
        "X-Bittensor-Nonce     | not-a-number",
        "X-Bittensor-Nonce     | ''",
        "X-Bittensor-Nonce     | -1752076800000000000",
        "X-Bittensor-Nonce     | +1752076800000000000",
        "X-Bittensor-Nonce     | 01752076800000000000",
        "X-Bittensor-Nonce     | 1752076800000000000.0",
        "X-Bittensor-Nonce     | 1_752_076_800_000_000_000",
        "X-Bittensor-Nonce     | 9999999999999999999",
        "X-Bittensor-Crypto    | ecdsa",
        "X-Bittensor-Crypto    | SR25519",
        "X-Bittensor-Crypto    | 1",
        "X-Bittensor-Crypto    | ''",
        "X-Bittensor-Signature | 0xnothex",
        "X-Bittensor-Signature | 0x",
        "X-Bittensor-Signature | 0x0",
        "X-Bittensor-Signature | 0XAB",
      })
  void unparseableHeader(String name, String value) {
    Map<String, String> headers = good();
    headers.put(name, value);
    malformed(headers);
  }

  @Test
  void signatureWithoutPrefixOrInUppercaseIsMalformed() {
    Map<String, String> headers = good();
    String sig = headers.get("X-Bittensor-Signature");
    headers.put("X-Bittensor-Signature", sig.substring(2) + "ab");
    assertThat(malformed(headers)).contains("0x + lowercase hex");
    headers.put("X-Bittensor-Signature", "0x" + sig.substring(2).toUpperCase(Locale.ROOT));
    malformed(headers);
  }

  @Test
  void oversizedHeadersAreRefusedBeforeParsing() {
    String huge = "1".repeat(1 << 20); // a 1 MB header
    for (String name :
        List.of(
            "X-Bittensor-Version",
            "X-Bittensor-Hotkey",
            "X-Bittensor-Receiver",
            "X-Bittensor-Nonce",
            "X-Bittensor-Crypto",
            "X-Bittensor-Signature")) {
      Map<String, String> headers = good();
      headers.put(name, huge);
      assertThat(malformed(headers)).startsWith(name + " is 1048576 characters (expected: at most");
    }
    Map<String, String> headers = good();
    headers.put("X-Bittensor-Signature", "0x" + "ab".repeat(65));
    malformed(headers);
  }

  @Test
  void aDuplicatedHeaderIsMalformed() {
    Map<String, String> headers = good();
    HeaderLookup twice =
        name ->
            name.equalsIgnoreCase("X-Bittensor-Nonce")
                ? List.of(headers.get("X-Bittensor-Nonce"), headers.get("X-Bittensor-Nonce"))
                : BtAuthHeaders.lookup(headers).all(name);
    assertThat(malformed(twice)).isEqualTo("X-Bittensor-Nonce appears 2 times (expected: once)");
  }

  @Test
  void messagesNeverEchoControlCharacters() {
    Map<String, String> headers = good();
    headers.put("X-Bittensor-Crypto", "a\r\nb");
    assertThat(malformed(headers)).doesNotContain("\r");
  }
}
