package io.aurelius.core.chain.substrate.value;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.substrate.scale.Bytes;
import java.math.BigInteger;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * A decoded SCALE value. Composites, tuples and variants keep their fields in order (tuples and
 * tuple structs with unnamed fields); sequences and arrays of {@code u8} are {@link Bytes}, other
 * sequences and arrays {@link Sequence}; every integer (fixed or compact) is an {@link Int}.
 */
public sealed interface Value {
  static Value of(long v) {
    return new Int(BigInteger.valueOf(v));
  }

  static Value bytes(byte[] v) {
    return new ByteString(Bytes.of(v));
  }

  /**
   * This value with single-field wrappers removed: a newtype such as {@code NetUid(u16)} or {@code
   * AccountId32([u8; 32])} gives its one field's value.
   */
  default Value unwrapped() {
    Value v = this;
    while (v instanceof Composite c && c.fields().size() == 1) {
      v = c.fields().get(0).value();
    }
    return v;
  }

  /** This value as a {@code long}, after {@link #unwrapped()}; fails unless it is an integer. */
  default long asLong() {
    Value v = unwrapped();
    if (v instanceof Int i) {
      return i.longValueExact();
    }
    throw new IllegalStateException(
        "value: " + v.getClass().getSimpleName() + " (expected: an integer)");
  }

  /** A field of a composite or variant; the name is empty for tuples and tuple structs. */
  record NamedValue(Optional<String> name, Value value) {
    public NamedValue {
      requireNonNull(name, "name");
      requireNonNull(value, "value");
    }
  }

  record Composite(List<NamedValue> fields) implements Value {
    public Composite {
      fields = List.copyOf(fields);
    }

    /** The value of the named field. */
    public Optional<Value> field(String name) {
      return fields.stream()
          .filter(f -> f.name().filter(name::equals).isPresent())
          .map(NamedValue::value)
          .findFirst();
    }
  }

  record Variant(String name, int index, List<NamedValue> fields) implements Value {
    public Variant {
      requireNonNull(name, "name");
      fields = List.copyOf(fields);
    }
  }

  record Sequence(List<Value> items) implements Value {
    public Sequence {
      items = List.copyOf(items);
    }
  }

  record ByteString(Bytes bytes) implements Value {
    public ByteString {
      requireNonNull(bytes, "bytes");
    }
  }

  record Int(BigInteger value) implements Value {
    public Int {
      requireNonNull(value, "value");
    }

    public long longValueExact() {
      return value.longValueExact();
    }
  }

  record Bool(boolean value) implements Value {}

  /** A {@code str} or a {@code char}. */
  record Text(String value) implements Value {
    public Text {
      requireNonNull(value, "value");
    }
  }

  /** A bit sequence, bit 0 first in the sequence's own order. */
  record Bits(BitSet bits, int length) implements Value {
    public Bits {
      bits = (BitSet) bits.clone();
      if (length < 0 || bits.length() > length) {
        throw new IllegalArgumentException("length: " + length + " (expected: >= set bits)");
      }
    }

    @Override
    public BitSet bits() {
      return (BitSet) bits.clone();
    }
  }
}
