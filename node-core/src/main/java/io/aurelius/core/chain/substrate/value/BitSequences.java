package io.aurelius.core.chain.substrate.value;

import io.aurelius.core.chain.substrate.metadata.PortableType;
import io.aurelius.core.chain.substrate.metadata.Primitive;
import io.aurelius.core.chain.substrate.metadata.TypeDef;
import io.aurelius.core.chain.substrate.metadata.TypeRegistry;
import io.aurelius.core.chain.substrate.scale.ScaleReader;
import io.aurelius.core.chain.substrate.scale.ScaleWriter;
import java.util.BitSet;

/**
 * {@code BitVec<Store, Order>} as the bitvec crate encodes it (parity-scale-codec's bitvec
 * support): a compact bit count, then {@code ceil(bits / W)} store words, each little-endian. With
 * {@code Lsb0} bit i is bit {@code i % W} of word {@code i / W}; with {@code Msb0} it is bit {@code
 * W - 1 - i % W}.
 */
final class BitSequences {
  private BitSequences() {}

  record Layout(int storeBytes, boolean msb0) {}

  static Layout layout(TypeRegistry types, TypeDef.BitSequence def) {
    PortableType store = types.get(def.storeType());
    int storeBytes =
        store.def() instanceof TypeDef.PrimitiveDef p
                && (p.primitive() == Primitive.U8
                    || p.primitive() == Primitive.U16
                    || p.primitive() == Primitive.U32
                    || p.primitive() == Primitive.U64)
            ? p.primitive().width()
            : 0;
    if (storeBytes == 0) {
      throw new IllegalArgumentException(
          "bit sequence store type " + def.storeType() + " (expected: u8, u16, u32 or u64)");
    }
    String order = types.get(def.orderType()).name();
    if (!order.equals("Lsb0") && !order.equals("Msb0")) {
      throw new IllegalArgumentException(
          "bit sequence order " + order + " (expected: Lsb0 or Msb0)");
    }
    return new Layout(storeBytes, order.equals("Msb0"));
  }

  static Value decode(TypeRegistry types, TypeDef.BitSequence def, ScaleReader r) {
    Layout layout = layout(types, def);
    int at = r.offset();
    long bits = r.compactAtMost(Integer.MAX_VALUE, "bit count");
    int wordBits = layout.storeBytes() * 8;
    long words = (bits + wordBits - 1) / wordBits;
    if (words * layout.storeBytes() > r.remaining()) {
      throw r.error(
          at,
          "bit sequence of "
              + bits
              + " bits needs "
              + words * layout.storeBytes()
              + " bytes, "
              + r.remaining()
              + " left");
    }
    byte[] raw = r.bytes((int) (words * layout.storeBytes()));
    BitSet set = new BitSet((int) bits);
    for (int i = 0; i < bits; i++) {
      if (bit(raw, i, layout)) {
        set.set(i);
      }
    }
    return new Value.Bits(set, (int) bits);
  }

  static void encode(TypeRegistry types, TypeDef.BitSequence def, Value.Bits v, ScaleWriter w) {
    Layout layout = layout(types, def);
    int wordBits = layout.storeBytes() * 8;
    int words = (v.length() + wordBits - 1) / wordBits;
    byte[] raw = new byte[words * layout.storeBytes()];
    BitSet set = v.bits();
    for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
      int pos = position(i, layout);
      raw[pos >>> 3] |= (byte) (1 << (pos & 7));
    }
    w.compact(v.length()).raw(raw);
  }

  private static boolean bit(byte[] raw, int i, Layout layout) {
    int pos = position(i, layout);
    return (raw[pos >>> 3] & (1 << (pos & 7))) != 0;
  }

  /** The bit's position in the little-endian byte stream, counting from bit 0 of byte 0. */
  private static int position(int i, Layout layout) {
    int wordBits = layout.storeBytes() * 8;
    int word = i / wordBits;
    int inWord = layout.msb0() ? wordBits - 1 - i % wordBits : i % wordBits;
    return word * wordBits + inWord;
  }
}
