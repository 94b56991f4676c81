package io.aurelius.core.crypto.sr25519;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.junit.jupiter.api.Test;

class DeriveJunctionTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void stringsAreScaleEncodedAndPadded() {
    // compact(5) = 5 << 2 = 0x14, then "Alice"
    assertThat(HEX.formatHex(DeriveJunction.hard("Alice").chainCode()))
        .isEqualTo("14416c696365" + "00".repeat(26));
  }

  @Test
  void numbersAreLittleEndianU64() {
    assertThat(HEX.formatHex(DeriveJunction.soft("258").chainCode()))
        .isEqualTo("0201000000000000" + "00".repeat(24));
    assertThat(HEX.formatHex(DeriveJunction.soft("18446744073709551615").chainCode()))
        .isEqualTo("ff".repeat(8) + "00".repeat(24));
    // one more than u64::MAX is a string
    assertThat(DeriveJunction.soft("18446744073709551616").chainCode()[0]).isEqualTo((byte) 80);
  }

  @Test
  void longNamesAreHashed() {
    String name = "a".repeat(100);
    byte[] scale = DeriveJunction.scaleString(name);
    // compact(100), two-byte mode: 100 << 2 | 1 = 0x0191, little-endian
    assertThat(scale).startsWith((byte) 0x91, (byte) 0x01, (byte) 'a');
    Blake2bDigest blake = new Blake2bDigest(256);
    blake.update(scale, 0, scale.length);
    byte[] expected = new byte[32];
    blake.doFinal(expected, 0);
    assertThat(DeriveJunction.hard(name).chainCode()).isEqualTo(expected);
    // 62 bytes of UTF-8: the last single-byte length, 62 << 2
    assertThat(DeriveJunction.scaleString("é".repeat(31))).startsWith((byte) 0xf8, (byte) 0xc3);
    assertThat(DeriveJunction.scaleString("é".repeat(32))).startsWith((byte) 0x01, (byte) 0x01);
    assertThat(DeriveJunction.scaleString("x"))
        .isEqualTo("\u0004x".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void parsesPaths() {
    assertThat(DeriveJunction.parsePath("//Alice/0//stash"))
        .containsExactly(
            DeriveJunction.hard("Alice"), DeriveJunction.soft("0"), DeriveJunction.hard("stash"));
    assertThat(DeriveJunction.parsePath("")).isEmpty();
    assertThat(DeriveJunction.parsePath("/Alice")).isEqualTo(List.of(DeriveJunction.soft("Alice")));
    assertThatThrownBy(() -> DeriveJunction.parsePath("Alice")).hasMessageContaining("'/'");
    assertThatThrownBy(() -> DeriveJunction.parsePath("//Alice/")).hasMessageContaining("empty");
    assertThatThrownBy(() -> DeriveJunction.parsePath("///")).hasMessageContaining("empty");
  }
}
