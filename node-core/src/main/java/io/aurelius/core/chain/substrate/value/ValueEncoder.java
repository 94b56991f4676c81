package io.aurelius.core.chain.substrate.value;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.substrate.metadata.Field;
import io.aurelius.core.chain.substrate.metadata.PortableType;
import io.aurelius.core.chain.substrate.metadata.Primitive;
import io.aurelius.core.chain.substrate.metadata.TypeDef;
import io.aurelius.core.chain.substrate.metadata.TypeRegistry;
import io.aurelius.core.chain.substrate.metadata.Variant;
import io.aurelius.core.chain.substrate.scale.Bytes;
import io.aurelius.core.chain.substrate.scale.ScaleWriter;
import java.math.BigInteger;
import java.util.List;

/**
 * Encodes a {@link Value} as a type of the registry (storage map keys, runtime-API arguments). A
 * single-field composite (a newtype such as {@code NetUid(u16)} or {@code AccountId32}) also
 * accepts its field's value directly, so callers can pass {@code Value.of(1)} for a {@code NetUid}.
 */
public final class ValueEncoder {
  private final TypeRegistry types;

  public ValueEncoder(TypeRegistry types) {
    this.types = requireNonNull(types, "types");
  }

  public Bytes encode(int type, Value value) {
    ScaleWriter w = new ScaleWriter();
    encode(type, value, w);
    return w.toBytes();
  }

  public void encode(int type, Value value, ScaleWriter w) {
    requireNonNull(value, "value");
    PortableType t = types.get(type);
    TypeDef def = t.def();
    if (def instanceof TypeDef.Composite c) {
      composite(t, c.fields(), value, w);
    } else if (def instanceof TypeDef.VariantDef v) {
      variant(t, v, value, w);
    } else if (def instanceof TypeDef.Sequence s) {
      List<Value> items = items(t, s.element(), value);
      w.compact(items.size());
      items.forEach(i -> encode(s.element(), i, w));
    } else if (def instanceof TypeDef.Array a) {
      List<Value> items = items(t, a.element(), value);
      if (items.size() != a.length()) {
        throw mismatch(t, value, a.length() + " items");
      }
      items.forEach(i -> encode(a.element(), i, w));
    } else if (def instanceof TypeDef.Tuple tuple) {
      List<Value> items = parts(value);
      if (items.size() != tuple.elements().size()) {
        throw mismatch(t, value, "a tuple of " + tuple.elements().size());
      }
      for (int i = 0; i < items.size(); i++) {
        encode(tuple.elements().get(i), items.get(i), w);
      }
    } else if (def instanceof TypeDef.PrimitiveDef p) {
      primitive(t, p.primitive(), value, w);
    } else if (def instanceof TypeDef.Compact) {
      if (!(value.unwrapped() instanceof Value.Int i)) {
        throw mismatch(t, value, "an integer");
      }
      w.compact(i.value());
    } else if (value instanceof Value.Bits bits) {
      BitSequences.encode(types, (TypeDef.BitSequence) def, bits, w);
    } else {
      throw mismatch(t, value, "bits");
    }
  }

  private void composite(PortableType t, List<Field> fields, Value value, ScaleWriter w) {
    if (value instanceof Value.Composite c && c.fields().size() == fields.size()) {
      for (int i = 0; i < fields.size(); i++) {
        encode(fields.get(i).type(), c.fields().get(i).value(), w);
      }
    } else if (fields.size() == 1) {
      encode(fields.get(0).type(), value, w);
    } else {
      throw mismatch(t, value, "a composite of " + fields.size() + " fields");
    }
  }

  private void variant(PortableType t, TypeDef.VariantDef def, Value value, ScaleWriter w) {
    if (!(value instanceof Value.Variant v)) {
      throw mismatch(t, value, "a variant");
    }
    Variant variant =
        def.byName(v.name()).orElseThrow(() -> mismatch(t, value, "a variant it declares"));
    if (variant.fields().size() != v.fields().size()) {
      throw mismatch(t, value, variant.name() + " with " + variant.fields().size() + " fields");
    }
    w.u8(variant.index());
    for (int i = 0; i < v.fields().size(); i++) {
      encode(variant.fields().get(i).type(), v.fields().get(i).value(), w);
    }
  }

  private List<Value> items(PortableType t, int element, Value value) {
    if (value instanceof Value.ByteString b
        && types.get(element).def() instanceof TypeDef.PrimitiveDef p
        && p.primitive() == Primitive.U8) {
      byte[] raw = b.bytes().toArray();
      Value[] out = new Value[raw.length];
      for (int i = 0; i < raw.length; i++) {
        out[i] = Value.of(raw[i] & 0xff);
      }
      return List.of(out);
    }
    if (value instanceof Value.Sequence s) {
      return s.items();
    }
    throw mismatch(t, value, "a sequence");
  }

  private static List<Value> parts(Value value) {
    if (value instanceof Value.Composite c) {
      return c.fields().stream().map(Value.NamedValue::value).toList();
    }
    if (value instanceof Value.Sequence s) {
      return s.items();
    }
    return List.of(value);
  }

  private static void primitive(PortableType t, Primitive p, Value value, ScaleWriter w) {
    Value v = value.unwrapped();
    if (p == Primitive.BOOL && v instanceof Value.Bool b) {
      w.bool(b.value());
    } else if (p == Primitive.STR && v instanceof Value.Text s) {
      w.string(s.value());
    } else if (p == Primitive.CHAR
        && v instanceof Value.Text s
        && s.value().codePointCount(0, s.value().length()) == 1) {
      w.u32(s.value().codePointAt(0));
    } else if (p.isInteger() && v instanceof Value.Int i) {
      BigInteger n = i.value();
      try {
        if (p.signed()) {
          w.sint(p.width(), n);
        } else {
          w.uint(p.width(), n);
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(ValueDecoder.describe(t) + ": " + e.getMessage(), e);
      }
    } else {
      throw mismatch(t, value, p.name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  private static IllegalArgumentException mismatch(PortableType t, Value value, String expected) {
    return new IllegalArgumentException(
        ValueDecoder.describe(t)
            + ": a "
            + value.getClass().getSimpleName()
            + " value (expected: "
            + expected
            + ")");
  }
}
