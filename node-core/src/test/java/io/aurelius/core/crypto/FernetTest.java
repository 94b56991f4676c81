package io.aurelius.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The Fernet specification's {@code generate.json} vector, also checked with Python's cryptography.
 */
class FernetTest {
  private static final byte[] KEY =
      Base64.getUrlDecoder().decode("cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=");
  private static final String TOKEN =
      "gAAAAAAdwJ6wAAECAwQFBgcICQoLDA0ODy021cpGVWKZ_eEwCGM4BLLF_5CV9dOPmrhuVUPgJobwOz7Jcbm"
          + "rR64jVmpU4IwqDA==";

  @Test
  void decryptsTheSpecificationVector() {
    assertThat(Fernet.decrypt(KEY, ascii(TOKEN)))
        .hasValueSatisfying(
            p -> assertThat(new String(p, StandardCharsets.UTF_8)).isEqualTo("hello"));
    assertThat(Fernet.decrypt(KEY, ascii(TOKEN + "\n"))).isPresent();
  }

  @Test
  void wrongKeyOrAlteredTokenIsEmpty() {
    byte[] otherKey = KEY.clone();
    otherKey[0] ^= 1;
    assertThat(Fernet.decrypt(otherKey, ascii(TOKEN))).isEmpty();
    byte[] encryptionKeyChanged = KEY.clone();
    encryptionKeyChanged[31] ^= 1;
    assertThat(Fernet.decrypt(encryptionKeyChanged, ascii(TOKEN))).isEmpty();
    byte[] raw = Base64.getUrlDecoder().decode(TOKEN);
    raw[30] ^= 1;
    assertThat(Fernet.decrypt(KEY, ascii(Base64.getUrlEncoder().encodeToString(raw)))).isEmpty();
  }

  @Test
  void malformedTokensAreRefusedWithAReason() {
    assertThatThrownBy(() -> Fernet.checkToken(ascii("gAAAAA!!")))
        .hasMessageStartingWith("Fernet token: not base64url");
    assertThatThrownBy(() -> Fernet.checkToken(ascii(TOKEN.substring(0, 40))))
        .hasMessage("Fernet token: 30 bytes (expected: at least 73)");
    byte[] raw = Base64.getUrlDecoder().decode(TOKEN);
    raw[0] = (byte) 0x81;
    assertThatThrownBy(() -> Fernet.checkToken(ascii(Base64.getUrlEncoder().encodeToString(raw))))
        .hasMessage("Fernet token: version 0x81 (expected: 0x80)");
    byte[] cut = java.util.Arrays.copyOf(Base64.getUrlDecoder().decode(TOKEN), 74);
    assertThatThrownBy(() -> Fernet.checkToken(ascii(Base64.getUrlEncoder().encodeToString(cut))))
        .hasMessage("Fernet token: ciphertext of 17 bytes (expected: a multiple of 16)");
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
