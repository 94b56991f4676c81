package io.aurelius.core.chain.substrate.metadata;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** scale-info's type definitions (the variant index is the order below). */
public sealed interface TypeDef {
  /** A struct: named fields, or unnamed ones for a tuple struct. */
  record Composite(List<Field> fields) implements TypeDef {
    public Composite {
      fields = List.copyOf(fields);
    }
  }

  /** An enum, encoded as the variant's index byte followed by its fields. */
  record VariantDef(List<Variant> variants) implements TypeDef {
    public VariantDef {
      variants = List.copyOf(variants);
    }

    public Optional<Variant> byName(String name) {
      return variants.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    public Optional<Variant> byIndex(int index) {
      return variants.stream().filter(v -> v.index() == index).findFirst();
    }
  }

  /** {@code Vec<T>}: a compact length, then the items. */
  record Sequence(int element) implements TypeDef {}

  /** {@code [T; n]}: exactly {@code n} items. */
  record Array(long length, int element) implements TypeDef {
    public Array {
      if (length < 0 || length > 0xffff_ffffL) {
        throw new IllegalArgumentException("length: " + length + " (expected: 0..2^32-1)");
      }
    }
  }

  record Tuple(List<Integer> elements) implements TypeDef {
    public Tuple {
      elements = List.copyOf(elements);
    }
  }

  record PrimitiveDef(Primitive primitive) implements TypeDef {
    public PrimitiveDef {
      requireNonNull(primitive, "primitive");
    }
  }

  /** {@code Compact<T>}. */
  record Compact(int inner) implements TypeDef {}

  /** {@code BitVec<Store, Order>}: a compact bit count, then the store words. */
  record BitSequence(int storeType, int orderType) implements TypeDef {}
}
