package io.aurelius.config.sn37;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.Sr25519KeyPair;
import io.aurelius.core.identity.wallet.AccountId;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * SN37's work_id and work-token signature (docs/protocol.md; SN37 {@code
 * aurelius/miner/work_token.py}). The pinned values were computed by CPython 3.11 ({@code
 * json.dumps}, {@code hashlib}) and bittensor-wallet 4.1.1's {@code Keypair}, for the mini secret
 * 0x00…01.
 */
class Sn37WorkTokenTest {
  static final byte[] SEED = HexFormat.of().parseHex("00".repeat(31) + "01");
  static final String SS58 = "5DP4qTec9XxffaALGWsEPhS1oWrDWMBjzhBmyzShREMJpymt";
  static final String CONFIG =
      "{\"steps\":3,\"name\":\"tiny_config\",\"agents\":[{\"name\":\"Zoë\"}]}";
  static final String TIME_NS = "1764927000123456789";
  static final String NONCE = "00112233445566778899aabbccddeeff";
  static final String WORK_ID = "795adbc1b089b4d5e0467ee965feba837cc07aec6ea64e1c1acb414880c5a95b";
  static final String PYTHON_SIGNATURE =
      "4a0f0b0ad06a4fdc38ec2059f218cf73be22d6a07b79a9087e8d8e0d0d49a757"
          + "f8a714aaeecbd39888b8b4e4ed115ded96b37901010813a2a5d351a2d20fc783";

  private static JsonNode config() {
    return Json.parse(CONFIG, "config", JsonLimits.UNTRUSTED);
  }

  @Test
  void workIdIsTheHashOfPythonsDumpsHotkeyTimeAndNonce() {
    assertThat(PyJson.dumps(config()))
        .isEqualTo(
            "{\"agents\": [{\"name\": \"Zo\\u00eb\"}], \"name\": \"tiny_config\", \"steps\": 3}");
    assertThat(WorkToken.workId(PyJson.dumps(config()), SS58, TIME_NS, NONCE)).isEqualTo(WORK_ID);
  }

  @Test
  void theSeedGivesTheHotkeyBittensorGives() {
    Sr25519KeyPair key = Sr25519KeyPair.fromMiniSecret(SEED);
    assertThat(AccountId.of(key.publicKey().bytes()).ss58Address()).isEqualTo(SS58);
  }

  @Test
  void aSignatureMadeByBittensorVerifiesAndATamperedOneDoesNot() {
    Sr25519KeyPair key = Sr25519KeyPair.fromMiniSecret(SEED);
    WorkToken token = new WorkToken(WORK_ID, NONCE, TIME_NS, PYTHON_SIGNATURE);
    assertThat(token.signedBy(key.publicKey())).isTrue();
    String flipped =
        (PYTHON_SIGNATURE.charAt(0) == '4' ? "5" : "4") + PYTHON_SIGNATURE.substring(1);
    assertThat(new WorkToken(WORK_ID, NONCE, TIME_NS, flipped).signedBy(key.publicKey())).isFalse();
    String otherId = "0" + WORK_ID.substring(1);
    assertThat(new WorkToken(otherId, NONCE, TIME_NS, PYTHON_SIGNATURE).signedBy(key.publicKey()))
        .isFalse();
    assertThat(token.signedBy(Sr25519KeyPair.fromMiniSecret(new byte[32]).publicKey())).isFalse();
  }

  @Test
  void issueStampsTheConfigWithTheClockANonceAndTheHotkeysSignature() {
    Sr25519KeyPair key = Sr25519KeyPair.fromMiniSecret(SEED);
    Random random =
        new Random() {
          @Override
          public void nextBytes(byte[] bytes) {
            System.arraycopy(HexFormat.of().parseHex(NONCE), 0, bytes, 0, 16);
          }
        };
    Instant now = Instant.ofEpochSecond(1_764_927_000L, 123_456_789L);
    WorkToken token = WorkToken.issue(config(), key, now, random);
    assertThat(token.workId()).isEqualTo(WORK_ID);
    assertThat(token.nonce()).isEqualTo(NONCE);
    assertThat(token.timeNs()).isEqualTo(TIME_NS);
    assertThat(token.signature()).hasSize(128).doesNotStartWith("0x");
    assertThat(token.signedBy(key.publicKey())).isTrue();
    assertThat(token.matches(PyJson.dumps(config()), SS58)).isTrue();
    assertThat(token.matches(PyJson.dumps(config()), SS58.substring(1))).isFalse();
  }

  @Test
  void anEd25519HotkeySignsAndIsCheckedUnderItsOwnScheme() {
    Ed25519KeyPair key = Ed25519KeyPair.generate();
    WorkToken token = WorkToken.issue(config(), key, Instant.now(), new SecureRandom());
    assertThat(token.signedBy(key.publicKey())).isTrue();
    byte[] sameBytes = key.publicKey().bytes();
    assertThat(token.signedBy(io.aurelius.core.crypto.KeyScheme.SR25519.publicKey(sameBytes)))
        .isFalse();
  }

  @Test
  void malformedFieldsAreRefusedNamingTheField() {
    assertThatThrownBy(() -> new WorkToken(WORK_ID.toUpperCase(), NONCE, TIME_NS, "00"))
        .hasMessage(
            "work_id: '"
                + WORK_ID.toUpperCase().substring(0, 40)
                + "…' (expected: 64 lowercase hex digits)");
    assertThatThrownBy(() -> new WorkToken(WORK_ID, "abc", TIME_NS, "00"))
        .hasMessage("work_id_nonce: 'abc' (expected: 32 lowercase hex digits)");
    assertThatThrownBy(() -> new WorkToken(WORK_ID, NONCE, "-5", "00"))
        .hasMessage("work_id_time_ns: '-5' (expected: a decimal count of Unix nanoseconds)");
    assertThatThrownBy(() -> new WorkToken(WORK_ID, NONCE, "9999999999999999999", "00"))
        .hasMessage(
            "work_id_time_ns: '9999999999999999999' (expected: at most 9223372036854775807)");
    assertThatThrownBy(() -> new WorkToken(WORK_ID, NONCE, TIME_NS, "0x00"))
        .hasMessage("work_id_signature: '0x00' (expected: lowercase hex without 0x)");
  }
}
