package io.aurelius.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Known answers: RIPEMD-160 from its designers' page, Keccak-256 of "" as Ethereum uses it. */
class LegacyDigestsTest {
  @Test
  void ripemd160KnownAnswers() {
    assertThat(HexFormat.of().formatHex(Ripemd160.digest(new byte[0])))
        .isEqualTo("9c1185a5c5e9fc54612808977ee8f548b2258d31");
    assertThat(
            HexFormat.of().formatHex(Ripemd160.digest("abc".getBytes(StandardCharsets.US_ASCII))))
        .isEqualTo("8eb208f7e05d987a9b044a8e98c6b087f15a0bfc");
  }

  @Test
  void keccak256KnownAnswer() {
    assertThat(HexFormat.of().formatHex(Keccak256.digest(new byte[0])))
        .isEqualTo("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
  }
}
