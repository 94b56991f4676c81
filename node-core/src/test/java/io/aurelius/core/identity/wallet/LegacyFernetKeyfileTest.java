package io.aurelius.core.identity.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The SDK's oldest keyfile format at its real cost: a Fernet token under PBKDF2-HMAC-SHA256 with
 * 10,000,000 rounds, written by Python's cryptography (see wallet/make_fixtures.py). Slow by design
 * (seconds).
 */
class LegacyFernetKeyfileTest {
  @Test
  void decryptsALegacyKeyfileAtTheSdksCost() {
    KeyfileData data =
        Keyfile.decode(
            WalletFixtures.resource("coldkey.fernet"), "coldkey", WalletFixtures.password());
    assertThat(data)
        .isEqualTo(Keyfile.parseJson(WalletFixtures.resource("coldkey.plain.json"), "coldkey"));
    assertThat(data.account().ss58Address()).isEqualTo(WalletFixtures.COLD_SS58);
  }
}
