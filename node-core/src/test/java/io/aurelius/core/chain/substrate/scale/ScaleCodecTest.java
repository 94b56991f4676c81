package io.aurelius.core.chain.substrate.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScaleCodecTest {
  /**
   * The compact examples of the SCALE specification (Substrate docs, "SCALE codec", compact/general
   * integers table) plus the boundaries of each of the four modes.
   */
  @ParameterizedTest
  @CsvSource({
    "0, 00",
    "1, 04",
    "42, a8",
    "63, fc",
    "64, 0101",
    "69, 1501",
    "16383, fdff",
    "16384, 02000100",
    "65535, feff0300",
    "1073741823, feffffff",
    "1073741824, 0300000040",
    "4294967295, 03ffffffff",
    "4294967296, 070000000001",
    "100000000000000, 0b00407a10f35a",
    "18446744073709551615, 13ffffffffffffffff",
    "340282366920938463463374607431768211455, 33ffffffffffffffffffffffffffffffff"
  })
  void compactMatchesTheSpecificationBothWays(String value, String hex) {
    BigInteger v = new BigInteger(value);
    assertThat(new ScaleWriter().compact(v).toBytes().hex()).isEqualTo(hex);
    ScaleReader r = ScaleReader.of(Bytes.fromHex(hex));
    assertThat(r.compact()).isEqualTo(v);
    r.expectEnd();
  }

  @ParameterizedTest
  @CsvSource({
    "0100, two bytes",
    "02000000, four bytes",
    "03ffffff3f, in 4 bytes", // below 2^30 belongs in mode 2
    "070000004000, in 5 bytes", // 2^30 fits in 4 bytes: a fifth, zero byte is refused
    "07ffffffff00, in 5 bytes"
  })
  void nonCanonicalCompactsAreRefused(String hex, String where) {
    assertThatThrownBy(() -> ScaleReader.of(Bytes.fromHex(hex)).compact())
        .isInstanceOf(ScaleDecodeException.class)
        .hasMessageStartingWith("scale: $ at offset 0: non-canonical compact")
        .hasMessageContaining(where);
  }

  @Test
  void fixedWidthIntegersAreLittleEndian() {
    byte[] bytes =
        new ScaleWriter()
            .u8(0xab)
            .u16(0x1234)
            .u32(0xdeadbeefL)
            .u64(1L << 62)
            .uint(16, BigInteger.ONE.shiftLeft(127))
            .uint(32, BigInteger.TWO.pow(256).subtract(BigInteger.ONE))
            .sint(2, BigInteger.valueOf(-2))
            .toByteArray();
    assertThat(Bytes.of(bytes).hex())
        .isEqualTo(
            "ab"
                + "3412"
                + "efbeadde"
                + "0000000000000040"
                + "00".repeat(15)
                + "80"
                + "ff".repeat(32)
                + "feff");
    ScaleReader r = ScaleReader.of(bytes);
    assertThat(r.u8()).isEqualTo(0xab);
    assertThat(r.u16()).isEqualTo(0x1234);
    assertThat(r.u32()).isEqualTo(0xdeadbeefL);
    assertThat(r.u64()).isEqualTo(1L << 62);
    assertThat(r.uint(16)).isEqualTo(BigInteger.ONE.shiftLeft(127));
    assertThat(r.uint(32)).isEqualTo(BigInteger.TWO.pow(256).subtract(BigInteger.ONE));
    assertThat(r.sint(2)).isEqualTo(BigInteger.valueOf(-2));
    r.expectEnd();
  }

  @Test
  void writerRefusesIntegersThatDoNotFit() {
    assertThatThrownBy(() -> new ScaleWriter().u16(65536))
        .hasMessage("u16: 65536 (expected: 0..2^16-1)");
    assertThatThrownBy(() -> new ScaleWriter().sint(1, BigInteger.valueOf(128)))
        .hasMessage("i8: 128 (expected: -2^7..2^7-1)");
    assertThatThrownBy(() -> new ScaleWriter().compact(-1)).hasMessageContaining("compact: -1");
  }

  @Test
  void boolOptionResultVecArrayStringAndVariants() {
    byte[] bytes =
        new ScaleWriter()
            .bool(true)
            .u8(1)
            .u16(7) // Option<u16> = Some(7)
            .u8(0) // Option<..> = None
            .u8(1)
            .string("bad") // Result<u8, String> = Err("bad")
            .compact(3)
            .u16(1)
            .u16(2)
            .u16(3) // Vec<u16>
            .u8(9)
            .u8(8) // [u8; 2]
            .string("héllo")
            .u8(2) // variant index
            .toByteArray();
    assertThat(Bytes.of(bytes).hex())
        .startsWith("01" + "010700" + "00" + "010c626164" + "0c010002000300");
    ScaleReader r = ScaleReader.of(bytes);
    assertThat(r.bool()).isTrue();
    assertThat(r.option(ScaleReader::u16)).contains(7);
    assertThat(r.option(ScaleReader::u16)).isEqualTo(Optional.empty());
    assertThat(r.result(ScaleReader::u8, ScaleReader::string))
        .isEqualTo(new ScaleResult.Err<Integer, String>("bad"));
    assertThat(r.vec(2, ScaleReader::u16)).containsExactly(1, 2, 3);
    assertThat(r.array(2, 1, ScaleReader::u8)).isEqualTo(List.of(9, 8));
    assertThat(r.string()).isEqualTo("héllo");
    assertThat(r.variant(3, "Kind")).isEqualTo(2);
    r.expectEnd();
  }

  @Test
  void truncatedInputNamesPathAndOffset() {
    ScaleReader r = ScaleReader.of(Bytes.fromHex("0c01000200"));
    assertThatThrownBy(() -> r.at(".uids", x -> x.vec(2, ScaleReader::u16)))
        .isInstanceOf(ScaleDecodeException.class)
        .hasMessage(
            "scale: $.uids at offset 0: length 3 needs at least 6 bytes, 4 left (expected: <= 2)");
    ScaleReader r2 = ScaleReader.of(Bytes.fromHex("080100"));
    assertThatThrownBy(() -> r2.at(".weights", x -> x.array(2, 2, ScaleReader::u16)))
        .isInstanceOf(ScaleDecodeException.class)
        .hasMessage("scale: $.weights at offset 0: array of 2 needs at least 4 bytes, 3 left");
  }

  @Test
  void truncatedItemNamesItsIndex() {
    ScaleReader r = ScaleReader.of(Bytes.fromHex("08010002"));
    assertThatThrownBy(() -> r.at(".uids", x -> x.vec(1, ScaleReader::u16)))
        .isInstanceOf(ScaleDecodeException.class)
        .hasMessage("scale: $.uids[1] at offset 3: truncated u16: 1 bytes left (expected: 2 more)");
  }

  @Test
  void anOversizedLengthIsRefusedBeforeAllocating() {
    // Compact 2^32-1 as a Vec<u8> length with four bytes of input behind it.
    ScaleReader r = ScaleReader.of(Bytes.fromHex("03ffffffff" + "00000000"));
    assertThatThrownBy(r::byteVec)
        .isInstanceOf(ScaleDecodeException.class)
        .hasMessage(
            "scale: $ at offset 0: length 4294967295 needs at least 4294967295 bytes, 4 left"
                + " (expected: <= 4)");
  }

  @Test
  void badTagsAndBytesAreOneLineErrors() {
    assertThatThrownBy(() -> ScaleReader.of(Bytes.fromHex("02")).bool())
        .hasMessage("scale: $ at offset 0: bool byte 2 (expected: 0 or 1)");
    assertThatThrownBy(() -> ScaleReader.of(Bytes.fromHex("02")).option(ScaleReader::u8))
        .hasMessage("scale: $ at offset 0: option tag 2 (expected: 0 or 1)");
    assertThatThrownBy(() -> ScaleReader.of(Bytes.fromHex("05")).variant(5, "StorageHasher"))
        .hasMessage("scale: $ at offset 0: StorageHasher variant 5 (expected: 0..4)");
    assertThatThrownBy(() -> ScaleReader.of(Bytes.fromHex("08c328")).string())
        .hasMessage("scale: $ at offset 0: string of 2 bytes is not UTF-8 (expected: UTF-8)");
    ScaleReader r = ScaleReader.of(Bytes.fromHex("0000"));
    r.u8();
    assertThatThrownBy(r::expectEnd)
        .hasMessage("scale: $ at offset 1: 1 trailing bytes (expected: end of input)");
  }

  @Test
  void bytesAreImmutableAndParseHex() {
    byte[] raw = {1, 2};
    Bytes b = Bytes.of(raw);
    raw[0] = 9;
    assertThat(b.hex()).isEqualTo("0102");
    assertThat(Bytes.fromHex("0x0102")).isEqualTo(b);
    assertThatThrownBy(() -> Bytes.fromHex("0x123"))
        .hasMessage("hex: 3 digits (expected: an even number)");
  }
}
