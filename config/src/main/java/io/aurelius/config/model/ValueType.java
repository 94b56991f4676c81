package io.aurelius.config.model;

import java.util.Optional;

/**
 * The type of a state variable or a parameter. In CEL an {@code int} is a 64-bit integer (Java
 * {@link Long}), a {@code double} a {@link Double}, a {@code bool} a {@link Boolean}; a {@code
 * string} and a {@code text} are both {@link String}s. {@code text} is free text (only for
 * parameters); {@code string} is one of an enumerated set of values.
 */
public enum ValueType {
  INT("int"),
  DOUBLE("double"),
  BOOL("bool"),
  STRING("string"),
  TEXT("text");

  private final String json;

  ValueType(String json) {
    this.json = json;
  }

  /** The spelling in a configuration document. */
  public String json() {
    return json;
  }

  /** The CEL type name of values of this type ({@code text} is a CEL {@code string}). */
  public String celName() {
    return this == TEXT ? "string" : json;
  }

  /** True when two types have the same CEL type. */
  public boolean sameCelType(ValueType other) {
    return celName().equals(other.celName());
  }

  public static Optional<ValueType> fromJson(String spelling) {
    for (ValueType t : values()) {
      if (t.json.equals(spelling)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** True when {@code value} is a Java value of this type as CEL sees it. */
  public boolean accepts(Object value) {
    return switch (this) {
      case INT -> value instanceof Long;
      case DOUBLE -> value instanceof Double;
      case BOOL -> value instanceof Boolean;
      case STRING, TEXT -> value instanceof String;
    };
  }
}
