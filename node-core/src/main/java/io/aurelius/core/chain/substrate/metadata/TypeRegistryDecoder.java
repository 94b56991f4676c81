package io.aurelius.core.chain.substrate.metadata;

import io.aurelius.core.chain.substrate.scale.ScaleReader;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Decodes scale-info's {@code PortableRegistry}, the first part of metadata V14 and V15. */
final class TypeRegistryDecoder {
  private static final int MIN_TYPE_BYTES = 5;
  private static final int MIN_FIELD_BYTES = 4;
  private static final int MIN_VARIANT_BYTES = 4;
  private static final String[] TYPE_DEFS = {
    "Composite", "Variant", "Sequence", "Array", "Tuple", "Primitive", "Compact", "BitSequence"
  };

  private TypeRegistryDecoder() {}

  static TypeRegistry decode(ScaleReader r) {
    List<PortableType> types =
        r.at(".types", x -> x.vec(MIN_TYPE_BYTES, TypeRegistryDecoder::type));
    for (int i = 0; i < types.size(); i++) {
      if (types.get(i).id() != i) {
        throw r.error(
            r.offset(), "types[" + i + "].id " + types.get(i).id() + " (expected: " + i + ")");
      }
    }
    for (PortableType t : types) {
      for (int ref : references(t.def())) {
        if (ref < 0 || ref >= types.size()) {
          throw r.error(
              r.offset(),
              "types["
                  + t.id()
                  + "] refers to type "
                  + Integer.toUnsignedString(ref)
                  + " (expected: 0.."
                  + (types.size() - 1)
                  + ")");
        }
      }
    }
    return new TypeRegistry(types);
  }

  private static List<Integer> references(TypeDef def) {
    if (def instanceof TypeDef.Composite c) {
      return c.fields().stream().map(Field::type).toList();
    } else if (def instanceof TypeDef.VariantDef v) {
      return v.variants().stream().flatMap(x -> x.fields().stream()).map(Field::type).toList();
    } else if (def instanceof TypeDef.Sequence s) {
      return List.of(s.element());
    } else if (def instanceof TypeDef.Array a) {
      return List.of(a.element());
    } else if (def instanceof TypeDef.Tuple t) {
      return t.elements();
    } else if (def instanceof TypeDef.Compact c) {
      return List.of(c.inner());
    } else if (def instanceof TypeDef.BitSequence b) {
      return List.of(b.storeType(), b.orderType());
    }
    return List.of();
  }

  private static PortableType type(ScaleReader r) {
    int id = r.at(".id", ScaleReader::compactU32);
    List<String> path = r.at(".path", x -> x.vec(1, ScaleReader::string));
    List<PortableType.TypeParam> params =
        r.at(
            ".params",
            x ->
                x.vec(
                    2,
                    p ->
                        new PortableType.TypeParam(
                            p.at(".name", ScaleReader::string),
                            p.at(".type", o -> toInt(o.option(ScaleReader::compactU32))))));
    TypeDef def = r.at(".def", TypeRegistryDecoder::typeDef);
    docs(r);
    return new PortableType(id, path, params, def);
  }

  private static OptionalInt toInt(Optional<Integer> v) {
    return v.map(OptionalInt::of).orElse(OptionalInt.empty());
  }

  static List<String> docs(ScaleReader r) {
    return r.at(".docs", x -> x.vec(1, ScaleReader::string));
  }

  private static TypeDef typeDef(ScaleReader r) {
    int kind = r.variant(TYPE_DEFS.length, "TypeDef");
    return switch (kind) {
      case 0 -> new TypeDef.Composite(fields(r));
      case 1 ->
          new TypeDef.VariantDef(
              r.at(".variants", x -> x.vec(MIN_VARIANT_BYTES, TypeRegistryDecoder::variant)));
      case 2 -> new TypeDef.Sequence(r.compactU32());
      case 3 -> new TypeDef.Array(r.u32(), r.compactU32());
      case 4 -> new TypeDef.Tuple(r.at(".elements", x -> x.vec(1, ScaleReader::compactU32)));
      case 5 ->
          new TypeDef.PrimitiveDef(
              Primitive.values()[r.variant(Primitive.values().length, "Primitive")]);
      case 6 -> new TypeDef.Compact(r.compactU32());
      default -> new TypeDef.BitSequence(r.compactU32(), r.compactU32());
    };
  }

  private static List<Field> fields(ScaleReader r) {
    return r.at(".fields", x -> x.vec(MIN_FIELD_BYTES, TypeRegistryDecoder::field));
  }

  private static Field field(ScaleReader r) {
    Optional<String> name = r.at(".name", x -> x.option(ScaleReader::string));
    int type = r.at(".type", ScaleReader::compactU32);
    Optional<String> typeName = r.at(".typeName", x -> x.option(ScaleReader::string));
    return new Field(name, type, typeName, docs(r));
  }

  private static Variant variant(ScaleReader r) {
    String name = r.at(".name", ScaleReader::string);
    List<Field> fields = fields(r);
    int index = r.at(".index", ScaleReader::u8);
    return new Variant(name, index, fields, docs(r));
  }
}
