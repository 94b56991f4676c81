package io.aurelius.core.chain.substrate.metadata;

/** scale-info's primitive types, in their encoding order (the variant index is the ordinal). */
public enum Primitive {
  BOOL(1, false),
  CHAR(4, false),
  STR(1, false),
  U8(1, false),
  U16(2, false),
  U32(4, false),
  U64(8, false),
  U128(16, false),
  U256(32, false),
  I8(1, true),
  I16(2, true),
  I32(4, true),
  I64(8, true),
  I128(16, true),
  I256(32, true);

  private final int width;
  private final boolean signed;

  Primitive(int width, boolean signed) {
    this.width = width;
    this.signed = signed;
  }

  /** The encoded width in bytes; for {@code str} the smallest encoding (an empty string). */
  public int width() {
    return width;
  }

  public boolean signed() {
    return signed;
  }

  public boolean isInteger() {
    return ordinal() >= U8.ordinal();
  }
}
