package io.aurelius.core.chain.substrate.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.core.chain.substrate.metadata.Field;
import io.aurelius.core.chain.substrate.metadata.PortableType;
import io.aurelius.core.chain.substrate.metadata.Primitive;
import io.aurelius.core.chain.substrate.metadata.TypeDef;
import io.aurelius.core.chain.substrate.metadata.TypeRegistry;
import io.aurelius.core.chain.substrate.metadata.Variant;
import io.aurelius.core.chain.substrate.scale.Bytes;
import io.aurelius.core.chain.substrate.scale.ScaleDecodeException;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The value codec over a small hand-built registry covering every type definition. */
class ScaleValueCodecTest {
  private static final int U8 = 0;
  private static final int BITS_U8_LSB0 = 3;
  private static final int BITS_U8_MSB0 = 4;
  private static final int U16 = 5;
  private static final int BITS_U16_LSB0 = 6;
  private static final int SHAPE = 7;
  private static final int COMPACT_U16 = 8;
  private static final int TUPLE = 9;
  private static final int ARRAY3 = 10;
  private static final int BYTES = 11;
  private static final int NODE = 12;
  private static final int CHAR = 13;
  private static final int POINT = 14;

  private static final TypeRegistry TYPES =
      new TypeRegistry(
          List.of(
              type(0, List.of(), new TypeDef.PrimitiveDef(Primitive.U8)),
              type(1, List.of("bitvec", "order", "Lsb0"), new TypeDef.Composite(List.of())),
              type(2, List.of("bitvec", "order", "Msb0"), new TypeDef.Composite(List.of())),
              type(3, List.of(), new TypeDef.BitSequence(0, 1)),
              type(4, List.of(), new TypeDef.BitSequence(0, 2)),
              type(5, List.of(), new TypeDef.PrimitiveDef(Primitive.U16)),
              type(6, List.of(), new TypeDef.BitSequence(5, 1)),
              type(
                  7,
                  List.of("my", "Shape"),
                  new TypeDef.VariantDef(
                      List.of(
                          new Variant("Empty", 0, List.of(), List.of()),
                          new Variant("Circle", 1, List.of(field("r", U16)), List.of()),
                          new Variant(
                              "Rect", 3, List.of(field(null, U16), field(null, U16)), List.of())))),
              type(8, List.of(), new TypeDef.Compact(U16)),
              type(9, List.of(), new TypeDef.Tuple(List.of(U16, U8))),
              type(10, List.of(), new TypeDef.Array(3, U16)),
              type(11, List.of(), new TypeDef.Sequence(U8)),
              type(
                  12,
                  List.of("my", "Node"),
                  new TypeDef.VariantDef(
                      List.of(
                          new Variant("Leaf", 0, List.of(), List.of()),
                          new Variant("Branch", 1, List.of(field(null, 12)), List.of())))),
              type(13, List.of(), new TypeDef.PrimitiveDef(Primitive.CHAR)),
              type(
                  14,
                  List.of("my", "Point"),
                  new TypeDef.Composite(List.of(field("x", U16), field("y", COMPACT_U16))))));

  private final ValueDecoder decoder = new ValueDecoder(TYPES);
  private final ValueEncoder encoder = new ValueEncoder(TYPES);

  private static PortableType type(int id, List<String> path, TypeDef def) {
    return new PortableType(id, path, List.of(), def);
  }

  private static Field field(String name, int type) {
    return new Field(Optional.ofNullable(name), type, Optional.empty(), List.of());
  }

  private Value roundTrip(int type, String hex) {
    Value v = decoder.decode(type, Bytes.fromHex(hex));
    assertThat(encoder.encode(type, v).hex()).isEqualTo(hex);
    return v;
  }

  private static Value.Bits bits(String pattern) {
    BitSet set = new BitSet();
    for (int i = 0; i < pattern.length(); i++) {
      if (pattern.charAt(i) == '1') {
        set.set(i);
      }
    }
    return new Value.Bits(set, pattern.length());
  }

  /** bitvec's layout: 9 bits 101100001 in u8 words, Lsb0 and Msb0, and in u16 words. */
  @Test
  void bitSequencesInBothOrders() {
    assertThat(roundTrip(BITS_U8_LSB0, "240d01")).isEqualTo(bits("101100001"));
    assertThat(roundTrip(BITS_U8_MSB0, "24b080")).isEqualTo(bits("101100001"));
    assertThat(roundTrip(BITS_U16_LSB0, "240d01")).isEqualTo(bits("101100001"));
    assertThat(encoder.encode(BITS_U8_MSB0, bits("1")).hex()).isEqualTo("0480");
    assertThatThrownBy(() -> decoder.decode(BITS_U16_LSB0, Bytes.fromHex("440d01")))
        .isInstanceOf(ScaleDecodeException.class)
        .hasMessage("scale: $ at offset 0: bit sequence of 17 bits needs 4 bytes, 2 left");
  }

  @Test
  void variantsCompositesTuplesArraysAndCompacts() {
    assertThat(roundTrip(SHAPE, "00")).isEqualTo(new Value.Variant("Empty", 0, List.of()));
    Value.Variant circle = (Value.Variant) roundTrip(SHAPE, "012a00");
    assertThat(circle.name()).isEqualTo("Circle");
    assertThat(circle.fields().get(0).name()).contains("r");
    assertThat(circle.fields().get(0).value().asLong()).isEqualTo(42);
    assertThat(((Value.Variant) roundTrip(SHAPE, "0302000300")).name()).isEqualTo("Rect");
    Value.Composite point = (Value.Composite) roundTrip(POINT, "07001501");
    assertThat(point.field("x").orElseThrow().asLong()).isEqualTo(7);
    assertThat(point.field("y").orElseThrow().asLong()).isEqualTo(69);
    assertThat(roundTrip(TUPLE, "0100ff")).isInstanceOf(Value.Composite.class);
    assertThat(((Value.Sequence) roundTrip(ARRAY3, "010002000300")).items()).hasSize(3);
    assertThat(roundTrip(BYTES, "0cabcdef"))
        .isEqualTo(Value.bytes(new byte[] {(byte) 0xab, (byte) 0xcd, (byte) 0xef}));
    assertThat(roundTrip(COMPACT_U16, "feff0300").asLong()).isEqualTo(65535);
    assertThat(roundTrip(CHAR, "e9000000")).isEqualTo(new Value.Text("é"));
  }

  @Test
  void unknownVariantNamesTheTypeAndTheKnownIndices() {
    assertThatThrownBy(() -> decoder.decode(SHAPE, Bytes.fromHex("02")))
        .isInstanceOf(ScaleDecodeException.class)
        .hasMessage(
            "scale: $ at offset 0: variant 2 of my::Shape (type 7) (expected: one of 0, 1, 3)");
  }

  @Test
  void truncatedFieldNamesItsPath() {
    assertThatThrownBy(() -> decoder.decode(SHAPE, Bytes.fromHex("030200ff")))
        .isInstanceOf(ScaleDecodeException.class)
        .hasMessage("scale: $.Rect[1] at offset 3: truncated u16: 1 bytes left (expected: 2 more)");
  }

  @Test
  void deepNestingIsBounded() {
    String deep = "01".repeat(ValueDecoder.MAX_DEPTH + 10) + "00";
    assertThatThrownBy(() -> decoder.decode(NODE, Bytes.fromHex(deep)))
        .isInstanceOf(ScaleDecodeException.class)
        .hasMessageContaining("nesting deeper than 128 (expected: less)");
    // The decoder stays usable after an error.
    assertThat(decoder.decode(NODE, Bytes.fromHex("0100"))).isInstanceOf(Value.Variant.class);
  }

  @Test
  void invalidCharAndOversizedSequenceAreRefused() {
    assertThatThrownBy(() -> decoder.decode(CHAR, Bytes.fromHex("00d80000")))
        .hasMessage("scale: $ at offset 0: char 55296 (expected: a Unicode scalar value)");
    assertThatThrownBy(() -> decoder.decode(ARRAY3, Bytes.fromHex("0100")))
        .hasMessage("scale: $ at offset 0: array of 3 needs more than the 2 bytes left");
  }

  @Test
  void encoderRefusesValuesOfTheWrongShape() {
    assertThatThrownBy(() -> encoder.encode(SHAPE, new Value.Variant("Square", 2, List.of())))
        .hasMessage("my::Shape (type 7): a Variant value (expected: a variant it declares)");
    assertThatThrownBy(() -> encoder.encode(ARRAY3, new Value.Sequence(List.of(Value.of(1)))))
        .hasMessage("type 10: a Sequence value (expected: 3 items)");
    assertThatThrownBy(() -> encoder.encode(U8, Value.of(256)))
        .hasMessage("type 0: u8: 256 (expected: 0..2^8-1)");
  }
}
