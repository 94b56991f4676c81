package io.aurelius.worldmodel.value;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Optional;

/** One typed value of the world or of an action parameter. */
public sealed interface Value {
  ValueType type();

  /** The value as Jackson writes it: a bare JSON number, boolean or string. */
  @JsonValue
  Object raw();

  JsonNode toJson();

  static Value of(long v) {
    return new Int(v);
  }

  static Value of(double v) {
    return new Real(v);
  }

  static Value of(boolean v) {
    return new Bool(v);
  }

  static Value of(String v) {
    return new Text(v);
  }

  /**
   * Reads a JSON scalar as the given type: an int must be integral, a double any finite number, a
   * bool a boolean, a string a string. Empty when the node does not fit.
   */
  static Optional<Value> fromJson(JsonNode node, ValueType type) {
    requireNonNull(node, "node");
    requireNonNull(type, "type");
    return switch (type) {
      case INT ->
          node.isIntegralNumber() && node.canConvertToLong()
              ? Optional.of(new Int(node.longValue()))
              : node.isNumber()
                      && node.doubleValue() == Math.rint(node.doubleValue())
                      && Math.abs(node.doubleValue()) < 9.007199254740992E15
                  ? Optional.of(new Int((long) node.doubleValue()))
                  : Optional.empty();
      case DOUBLE ->
          node.isNumber() && Double.isFinite(node.doubleValue())
              ? Optional.of(new Real(node.doubleValue()))
              : Optional.empty();
      case BOOL -> node.isBoolean() ? Optional.of(new Bool(node.booleanValue())) : Optional.empty();
      case STRING -> node.isTextual() ? Optional.of(new Text(node.textValue())) : Optional.empty();
    };
  }

  /** A whole number. */
  record Int(long value) implements Value {
    @Override
    public ValueType type() {
      return ValueType.INT;
    }

    @Override
    public Object raw() {
      return value;
    }

    @Override
    public JsonNode toJson() {
      return LongNode.valueOf(value);
    }

    @Override
    public String toString() {
      return Long.toString(value);
    }
  }

  /** A finite real number. */
  record Real(double value) implements Value {
    public Real {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("value: " + value + " (expected: a finite number)");
      }
    }

    @Override
    public ValueType type() {
      return ValueType.DOUBLE;
    }

    @Override
    public Object raw() {
      return value;
    }

    @Override
    public JsonNode toJson() {
      return DoubleNode.valueOf(value);
    }

    @Override
    public String toString() {
      return value == Math.rint(value) && Math.abs(value) < 1e15
          ? Long.toString((long) value)
          : Double.toString(value);
    }
  }

  /** A truth value. */
  record Bool(boolean value) implements Value {
    @Override
    public ValueType type() {
      return ValueType.BOOL;
    }

    @Override
    public Object raw() {
      return value;
    }

    @Override
    public JsonNode toJson() {
      return BooleanNode.valueOf(value);
    }

    @Override
    public String toString() {
      return Boolean.toString(value);
    }
  }

  /** A string. */
  record Text(String value) implements Value {
    public Text {
      requireNonNull(value, "value");
    }

    @Override
    public ValueType type() {
      return ValueType.STRING;
    }

    @Override
    public Object raw() {
      return value;
    }

    @Override
    public JsonNode toJson() {
      return TextNode.valueOf(value);
    }

    @Override
    public String toString() {
      return value;
    }
  }
}
