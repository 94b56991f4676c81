package io.aurelius.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Vectors from libsodium's {@code crypto_secretbox} via PyNaCl 1.6.2 (see wallet/make_fixtures.py).
 */
class XSalsa20Poly1305Test {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] KEY =
      HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
  private static final byte[] NONCE =
      HEX.parseHex("6465666768696a6b6c6d6e6f707172737475767778797a7b");
  private static final byte[] MESSAGE =
      HEX.parseHex(
          "5853616c736132302d506f6c793133303520736563726574626f7820766563746f723a20000102030405"
              + "060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d"
              + "2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f505152535455"
              + "565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d"
              + "7e7f808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5"
              + "a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7");
  private static final String BOX =
      "4a943503de29e35950a6e207b6c762d65aeaf8a549d7fcd99dad4cf84eb590280b8a4bc287d42e6fc4633ab4"
          + "7ceeaafcc71dce384f3699e7f1131165081ad76ecd9da01702972b4c17f44513c3ab847f5f965272e81d"
          + "6aa99daa39d568eac7b878baa32897ce4931a6aebf1040dfdffdc6f4d744af987884473e39ccf415df73"
          + "3462d805877a125a14d958f4bc488c67e25d534757af7f6a29464d5fb5a08a3e0f4698705d56006fdf7c"
          + "d1051e41b38bfd0255575d5051e4166565a1d131686c702f78926970b589d1eeba14dcc084db2cf01cd2"
          + "6f0f8e77c0df5282e695f046d59cdad960ec47a36ded239ed9324e2bae0d2200770c2fde5fd938d4";

  @Test
  void sealsAsLibsodiumSecretboxDoes() {
    assertThat(HEX.formatHex(XSalsa20Poly1305.seal(KEY, NONCE, MESSAGE))).isEqualTo(BOX);
    assertThat(HEX.formatHex(XSalsa20Poly1305.seal(KEY, NONCE, new byte[0])))
        .isEqualTo("f49572d6194281e3c87fbb4e2106932c");
  }

  @Test
  void opensLibsodiumBoxes() {
    assertThat(XSalsa20Poly1305.open(KEY, NONCE, HEX.parseHex(BOX))).hasValue(MESSAGE);
    assertThat(XSalsa20Poly1305.open(KEY, NONCE, HEX.parseHex("f49572d6194281e3c87fbb4e2106932c")))
        .hasValueSatisfying(m -> assertThat(m).isEmpty());
  }

  @Test
  void refusesAnyChangedByteWrongKeyWrongNonceAndShortBoxes() {
    byte[] box = HEX.parseHex(BOX);
    for (int i : new int[] {0, 15, 16, box.length - 1}) {
      byte[] altered = box.clone();
      altered[i] ^= 1;
      assertThat(XSalsa20Poly1305.open(KEY, NONCE, altered)).as("byte %d", i).isEmpty();
    }
    byte[] otherKey = KEY.clone();
    otherKey[31] ^= 1;
    assertThat(XSalsa20Poly1305.open(otherKey, NONCE, box)).isEmpty();
    byte[] otherNonce = NONCE.clone();
    otherNonce[23] ^= 1;
    assertThat(XSalsa20Poly1305.open(KEY, otherNonce, box)).isEmpty();
    assertThat(XSalsa20Poly1305.open(KEY, NONCE, java.util.Arrays.copyOf(box, box.length - 1)))
        .isEmpty();
    assertThat(XSalsa20Poly1305.open(KEY, NONCE, new byte[15])).isEmpty();
  }

  @Test
  void refusesWrongKeyAndNonceLengths() {
    assertThatThrownBy(() -> XSalsa20Poly1305.seal(new byte[31], NONCE, MESSAGE))
        .hasMessage("XSalsa20-Poly1305 key: 31 bytes (expected: 32)");
    assertThatThrownBy(() -> XSalsa20Poly1305.open(KEY, new byte[12], new byte[16]))
        .hasMessage("XSalsa20-Poly1305 nonce: 12 bytes (expected: 24)");
  }
}
