package io.aurelius.core.chain.substrate.value;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.substrate.metadata.Field;
import io.aurelius.core.chain.substrate.metadata.PortableType;
import io.aurelius.core.chain.substrate.metadata.Primitive;
import io.aurelius.core.chain.substrate.metadata.TypeDef;
import io.aurelius.core.chain.substrate.metadata.TypeRegistry;
import io.aurelius.core.chain.substrate.scale.Bytes;
import io.aurelius.core.chain.substrate.scale.ScaleReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decodes the SCALE bytes of any type id of a registry into a {@link Value}. Input is untrusted:
 * lengths are checked against the remaining input (times the type's smallest encoding), nesting is
 * bounded, and an unknown variant index is an error naming the type and the known indices. Not
 * thread-safe: one decoder per thread.
 */
public final class ValueDecoder {
  static final int MAX_DEPTH = 128;

  private final TypeRegistry types;
  private final MinSize minSize;
  private int depth;

  public ValueDecoder(TypeRegistry types) {
    this.types = requireNonNull(types, "types");
    this.minSize = new MinSize(types);
  }

  /** Decodes all of {@code bytes} as one value of {@code type}; trailing bytes are an error. */
  public Value decode(int type, Bytes bytes) {
    requireNonNull(bytes, "bytes");
    ScaleReader r = ScaleReader.of(bytes);
    Value v = decode(type, r);
    r.expectEnd();
    return v;
  }

  /** Decodes one value of {@code type} from the reader's position. */
  public Value decode(int type, ScaleReader r) {
    requireNonNull(r, "r");
    PortableType t = types.get(type);
    if (depth >= MAX_DEPTH) {
      throw r.error(r.offset(), "nesting deeper than " + MAX_DEPTH + " (expected: less)");
    }
    depth++;
    try {
      return decodeDef(t, r);
    } finally {
      depth--;
    }
  }

  private Value decodeDef(PortableType t, ScaleReader r) {
    TypeDef def = t.def();
    if (def instanceof TypeDef.Composite c) {
      return new Value.Composite(fields(c.fields(), r));
    } else if (def instanceof TypeDef.VariantDef v) {
      return variant(t, v, r);
    } else if (def instanceof TypeDef.Sequence s) {
      int n = r.length(minSize.of(s.element()));
      return items(s.element(), n, r);
    } else if (def instanceof TypeDef.Array a) {
      // Zero-sized items count as one byte, as for lengths: no array outgrows its input.
      if (a.length() * Math.max(1, minSize.of(a.element())) > r.remaining()) {
        throw r.error(
            r.offset(),
            "array of " + a.length() + " needs more than the " + r.remaining() + " bytes left");
      }
      return items(a.element(), (int) a.length(), r);
    } else if (def instanceof TypeDef.Tuple tuple) {
      List<Value.NamedValue> out = new ArrayList<>();
      for (int i = 0; i < tuple.elements().size(); i++) {
        int e = tuple.elements().get(i);
        out.add(new Value.NamedValue(Optional.empty(), r.at("[" + i + "]", x -> decode(e, x))));
      }
      return new Value.Composite(out);
    } else if (def instanceof TypeDef.PrimitiveDef p) {
      return primitive(p.primitive(), r);
    } else if (def instanceof TypeDef.Compact) {
      return new Value.Int(r.compact());
    }
    return BitSequences.decode(types, (TypeDef.BitSequence) def, r);
  }

  private List<Value.NamedValue> fields(List<Field> fields, ScaleReader r) {
    List<Value.NamedValue> out = new ArrayList<>(fields.size());
    for (int i = 0; i < fields.size(); i++) {
      Field f = fields.get(i);
      String segment = f.name().map(n -> "." + n).orElse("[" + i + "]");
      out.add(new Value.NamedValue(f.name(), r.at(segment, x -> decode(f.type(), x))));
    }
    return out;
  }

  private Value variant(PortableType t, TypeDef.VariantDef def, ScaleReader r) {
    int at = r.offset();
    int index = r.u8();
    var variant = def.byIndex(index);
    if (variant.isEmpty()) {
      throw r.error(
          at,
          "variant "
              + index
              + " of "
              + describe(t)
              + " (expected: one of "
              + def.variants().stream()
                  .map(v -> String.valueOf(v.index()))
                  .collect(Collectors.joining(", "))
              + ")");
    }
    String name = variant.get().name();
    return new Value.Variant(name, index, r.at("." + name, x -> fields(variant.get().fields(), x)));
  }

  private Value items(int element, int n, ScaleReader r) {
    if (isU8(element)) {
      return new Value.ByteString(Bytes.of(r.bytes(n)));
    }
    List<Value> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(r.at("[" + i + "]", x -> decode(element, x)));
    }
    return new Value.Sequence(out);
  }

  private boolean isU8(int type) {
    return types.get(type).def() instanceof TypeDef.PrimitiveDef p && p.primitive() == Primitive.U8;
  }

  private static Value primitive(Primitive p, ScaleReader r) {
    switch (p) {
      case BOOL:
        return new Value.Bool(r.bool());
      case STR:
        return new Value.Text(r.string());
      case CHAR:
        {
          int at = r.offset();
          long cp = r.u32();
          if (cp > Character.MAX_CODE_POINT || (cp >= 0xd800 && cp <= 0xdfff)) {
            throw r.error(at, "char " + cp + " (expected: a Unicode scalar value)");
          }
          return new Value.Text(Character.toString((int) cp));
        }
      default:
        BigInteger v = p.signed() ? r.sint(p.width()) : r.uint(p.width());
        return new Value.Int(v);
    }
  }

  static String describe(PortableType t) {
    return t.path().isEmpty()
        ? "type " + t.id()
        : String.join("::", t.path()) + " (type " + t.id() + ")";
  }
}
