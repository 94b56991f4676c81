package io.aurelius.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChaCha20Poly1305Test {
  private final byte[] key = new byte[32];
  private final byte[] nonce = new byte[12];
  private final byte[] aad = "header".getBytes(StandardCharsets.UTF_8);
  private final byte[] plaintext =
      "thirty-two bytes of secret seed!".getBytes(StandardCharsets.UTF_8);

  ChaCha20Poly1305Test() {
    key[0] = 7;
    nonce[11] = 9;
  }

  @Test
  void sealsAndOpens() {
    byte[] sealed = ChaCha20Poly1305.seal(key, nonce, aad, plaintext);
    assertThat(sealed).hasSize(plaintext.length + ChaCha20Poly1305.TAG_LENGTH);
    assertThat(ChaCha20Poly1305.open(key, nonce, aad, sealed)).hasValue(plaintext);
  }

  @Test
  void anyChangeToKeyNonceDataOrCiphertextFailsToOpen() {
    byte[] sealed = ChaCha20Poly1305.seal(key, nonce, aad, plaintext);
    byte[] otherKey = key.clone();
    otherKey[31] ^= 1;
    byte[] otherNonce = nonce.clone();
    otherNonce[0] ^= 1;
    byte[] otherAad = "Header".getBytes(StandardCharsets.UTF_8);
    byte[] flipped = sealed.clone();
    flipped[3] ^= 1;
    assertThat(ChaCha20Poly1305.open(otherKey, nonce, aad, sealed)).isEmpty();
    assertThat(ChaCha20Poly1305.open(key, otherNonce, aad, sealed)).isEmpty();
    assertThat(ChaCha20Poly1305.open(key, nonce, otherAad, sealed)).isEmpty();
    assertThat(ChaCha20Poly1305.open(key, nonce, aad, flipped)).isEmpty();
    assertThat(ChaCha20Poly1305.open(key, nonce, aad, new byte[5])).isEmpty();
  }
}
