package io.aurelius.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ScryptTest {
  @Test
  void matchesRfc7914Section12Vector() {
    byte[] out =
        Scrypt.derive(
            "password".getBytes(StandardCharsets.US_ASCII),
            "NaCl".getBytes(StandardCharsets.US_ASCII),
            new ScryptParams(1024, 8, 16),
            64);
    assertThat(HexFormat.of().formatHex(out))
        .isEqualTo(
            "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622e"
                + "af30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640");
  }

  @Test
  void boundsRefuseCostsAHostileFileCouldAskFor() {
    assertThatThrownBy(() -> new ScryptParams(1 << 30, 8, 1))
        .hasMessage("scrypt n: 1073741824 (expected: a power of two in 1024..1048576)");
    assertThatThrownBy(() -> new ScryptParams(3000, 8, 1)).hasMessageContaining("power of two");
    assertThatThrownBy(() -> new ScryptParams(1 << 20, 16, 1))
        .hasMessage("scrypt n·r: 1048576·16 needs 2048 MiB (expected: at most 256 MiB)");
    assertThatThrownBy(() -> new ScryptParams(1024, 0, 1))
        .hasMessage("scrypt r: 0 (expected: 1..16)");
    assertThatThrownBy(() -> new ScryptParams(1024, 8, 17))
        .hasMessage("scrypt p: 17 (expected: 1..16)");
    assertThat(ScryptParams.DEFAULT).isEqualTo(new ScryptParams(32768, 8, 1));
    assertThat(ScryptParams.withLogN(12)).isEqualTo(new ScryptParams(4096, 8, 1));
  }
}
