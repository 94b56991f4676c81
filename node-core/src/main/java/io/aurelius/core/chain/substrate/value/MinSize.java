package io.aurelius.core.chain.substrate.value;

import io.aurelius.core.chain.substrate.metadata.Field;
import io.aurelius.core.chain.substrate.metadata.TypeDef;
import io.aurelius.core.chain.substrate.metadata.TypeRegistry;

/**
 * The fewest bytes any value of a type can encode to, so a length prefix can be checked against the
 * remaining input before a list is allocated. Recursive types count a cycle as zero.
 */
final class MinSize {
  private static final int UNKNOWN = -1;
  private static final int IN_PROGRESS = -2;

  private final TypeRegistry types;
  private final int[] memo;

  MinSize(TypeRegistry types) {
    this.types = types;
    this.memo = new int[types.size()];
    java.util.Arrays.fill(memo, UNKNOWN);
  }

  int of(int type) {
    types.get(type); // range check
    if (memo[type] == IN_PROGRESS) {
      return 0;
    }
    if (memo[type] != UNKNOWN) {
      return memo[type];
    }
    memo[type] = IN_PROGRESS;
    long size = compute(types.get(type).def());
    memo[type] = (int) Math.min(Integer.MAX_VALUE, size);
    return memo[type];
  }

  private long compute(TypeDef def) {
    if (def instanceof TypeDef.Composite c) {
      long sum = 0;
      for (Field f : c.fields()) {
        sum += of(f.type());
      }
      return sum;
    } else if (def instanceof TypeDef.Array a) {
      return a.length() * of(a.element());
    } else if (def instanceof TypeDef.Tuple t) {
      long sum = 0;
      for (int e : t.elements()) {
        sum += of(e);
      }
      return sum;
    } else if (def instanceof TypeDef.PrimitiveDef p) {
      return p.primitive().width();
    }
    // A variant's index byte, a sequence's or compact's first byte, a bit sequence's length.
    return 1;
  }
}
