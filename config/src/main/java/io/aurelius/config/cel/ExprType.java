package io.aurelius.config.cel;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.model.ValueType;

/** The static type of a declared variable or of a compiled expression's result. */
public sealed interface ExprType {
  /** The type as CEL prints it, e.g. {@code int} or {@code map(string, int)}. */
  String text();

  static ExprType of(ValueType type) {
    return new Scalar(type == ValueType.TEXT ? ValueType.STRING : type);
  }

  /** An {@code int}, {@code double}, {@code bool} or {@code string}. */
  record Scalar(ValueType type) implements ExprType {
    public Scalar {
      requireNonNull(type, "type");
      if (type == ValueType.TEXT) {
        throw new IllegalArgumentException("text is a string in CEL");
      }
    }

    @Override
    public String text() {
      return type.celName();
    }
  }

  /** A {@code map(string, T)}, e.g. {@code by_agent.coins}: each agent's value by name. */
  record MapOf(ValueType valueType) implements ExprType {
    public MapOf {
      requireNonNull(valueType, "valueType");
    }

    @Override
    public String text() {
      return "map(string, " + valueType.celName() + ")";
    }
  }

  /** Any other result type (a list, a map, {@code dyn}, ...), named as CEL names it. */
  record Other(String text) implements ExprType {
    public Other {
      requireNonNull(text, "text");
    }
  }
}
