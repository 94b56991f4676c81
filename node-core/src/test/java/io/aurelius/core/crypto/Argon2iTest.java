package io.aurelius.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Vectors from libsodium's {@code crypto_pwhash_argon2i} via PyNaCl 1.6.2 (see
 * wallet/make_fixtures.py). The sensitive limits are exercised by the wallet tests, which open a
 * {@code $NACL} keyfile written by libsodium.
 */
class Argon2iTest {
  private static final byte[] SALT = HexFormat.of().parseHex("137183dff15a09bc9c90b5518739e9b1");

  @Test
  void matchesLibsodiumArgon2i13() {
    byte[] out = Argon2i.derive("password".getBytes(StandardCharsets.US_ASCII), SALT, 3, 65536, 32);
    assertThat(HexFormat.of().formatHex(out))
        .isEqualTo("1bba90233830ca99443ad8664f2669820b41a693c356ec53ffc0fc37073f6e11");
  }

  @Test
  void libsodiumConstants() {
    assertThat(Argon2i.OPSLIMIT_SENSITIVE).isEqualTo(8);
    assertThat(Argon2i.MEMLIMIT_SENSITIVE).isEqualTo(536_870_912L);
    assertThat(Argon2i.OPSLIMIT_INTERACTIVE).isEqualTo(4);
    assertThat(Argon2i.MEMLIMIT_INTERACTIVE).isEqualTo(33_554_432L);
  }

  @Test
  void refusesBadParameters() {
    byte[] password = new byte[1];
    assertThatThrownBy(() -> Argon2i.derive(password, new byte[8], 3, 65536, 32))
        .hasMessage("Argon2i salt: 8 bytes (expected: 16)");
    assertThatThrownBy(() -> Argon2i.derive(password, SALT, 2, 65536, 32))
        .hasMessage("Argon2i opslimit: 2 (expected: 3..64)");
    assertThatThrownBy(() -> Argon2i.derive(password, SALT, 3, 4096, 32))
        .hasMessage("Argon2i memlimit: 4096 bytes (expected: 8192..1073741824)");
    assertThatThrownBy(() -> Argon2i.derive(password, SALT, 3, 65536, 8))
        .hasMessage("Argon2i output: 8 bytes (expected: 16..1024)");
  }
}
