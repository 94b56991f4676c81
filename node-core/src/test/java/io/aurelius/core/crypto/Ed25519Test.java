package io.aurelius.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Ed25519Test {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void signsAndVerifiesRoundTrip() {
    Ed25519KeyPair pair = Ed25519KeyPair.generate();
    byte[] msg = "hello".getBytes(StandardCharsets.UTF_8);
    byte[] sig = pair.sign(msg);
    assertThat(pair.publicKey().verify(msg, sig)).isTrue();
    sig[10] ^= 1;
    assertThat(pair.publicKey().verify(msg, sig)).isFalse();
    assertThat(pair.publicKey().verify(msg, new byte[63])).isFalse();
  }

  @Test
  void identityPointAsPublicKeyIsRejectedEvenWithAZeroSignature() {
    byte[] identity = new byte[32];
    identity[0] = 1;
    byte[] sig = new byte[64];
    sig[0] = 1; // R = identity, S = 0 satisfies the equation for every message
    assertThat(Ed25519.verify(Ed25519PublicKey.fromBytes(identity), new byte[] {1, 2}, sig))
        .isFalse();
  }

  @Test
  void smallOrderYCoordinatesAreRecognisedWithEitherSignBit() {
    byte[] order2 =
        HEX.parseHex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
    assertThat(Ed25519.hasSmallOrder(order2, 0)).isTrue();
    byte[] flipped = order2.clone();
    flipped[31] |= (byte) 0x80;
    assertThat(Ed25519.hasSmallOrder(flipped, 0)).isTrue();
    byte[] order8 =
        HEX.parseHex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05");
    assertThat(Ed25519.hasSmallOrder(order8, 0)).isTrue();
    assertThat(Ed25519.hasSmallOrder(Ed25519KeyPair.generate().publicKey().bytes(), 0)).isFalse();
  }
}
