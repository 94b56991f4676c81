package io.aurelius.worldmodel.agent.schema;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.json.Json;
import io.aurelius.worldmodel.value.Value;
import io.aurelius.worldmodel.value.ValueType;
import java.util.List;
import java.util.Optional;

/** The bounds of one action parameter. Every parameter is bounded. */
public sealed interface ParamSpec {
  ValueType type();

  /** This parameter as a JSON Schema fragment. */
  ObjectNode toJsonSchema();

  /** Empty when {@code value} is legal, else what was expected. */
  Optional<String> check(Value value);

  /** What a legal value looks like, for messages: {@code integer 0..20}. */
  String expected();

  /** A whole number in {@code [min, max]}. */
  record IntRange(long min, long max) implements ParamSpec {
    public IntRange {
      if (min > max) {
        throw new IllegalArgumentException(
            "int range: " + min + ".." + max + " (expected: min <= max)");
      }
    }

    @Override
    public ValueType type() {
      return ValueType.INT;
    }

    @Override
    public ObjectNode toJsonSchema() {
      ObjectNode node = Json.newObject().put("type", "integer");
      node.put("minimum", min).put("maximum", max);
      return node;
    }

    @Override
    public Optional<String> check(Value value) {
      return value instanceof Value.Int i && i.value() >= min && i.value() <= max
          ? Optional.empty()
          : Optional.of(expected());
    }

    @Override
    public String expected() {
      return "integer " + min + ".." + max;
    }
  }

  /** A real number in {@code [min, max]}. */
  record RealRange(double min, double max) implements ParamSpec {
    public RealRange {
      if (!(min <= max) || !Double.isFinite(min) || !Double.isFinite(max)) {
        throw new IllegalArgumentException(
            "real range: " + min + ".." + max + " (expected: finite, min <= max)");
      }
    }

    @Override
    public ValueType type() {
      return ValueType.DOUBLE;
    }

    @Override
    public ObjectNode toJsonSchema() {
      ObjectNode node = Json.newObject().put("type", "number");
      node.put("minimum", min).put("maximum", max);
      return node;
    }

    @Override
    public Optional<String> check(Value value) {
      double v;
      if (value instanceof Value.Real r) {
        v = r.value();
      } else if (value instanceof Value.Int i) {
        v = i.value();
      } else {
        return Optional.of(expected());
      }
      return v >= min && v <= max ? Optional.empty() : Optional.of(expected());
    }

    @Override
    public String expected() {
      return "number " + new Value.Real(min) + ".." + new Value.Real(max);
    }
  }

  /** A boolean. */
  record Flag() implements ParamSpec {
    @Override
    public ValueType type() {
      return ValueType.BOOL;
    }

    @Override
    public ObjectNode toJsonSchema() {
      return Json.newObject().put("type", "boolean");
    }

    @Override
    public Optional<String> check(Value value) {
      return value instanceof Value.Bool ? Optional.empty() : Optional.of(expected());
    }

    @Override
    public String expected() {
      return "true or false";
    }
  }

  /**
   * Free text of at most {@code maxLength} characters. The bound is stated in the schema's
   * description rather than as {@code maxLength}, which strict structured output refuses.
   */
  record FreeText(int maxLength) implements ParamSpec {
    public FreeText {
      if (maxLength < 1 || maxLength > 100_000) {
        throw new IllegalArgumentException("maxLength: " + maxLength + " (expected: 1..100000)");
      }
    }

    @Override
    public ValueType type() {
      return ValueType.STRING;
    }

    @Override
    public ObjectNode toJsonSchema() {
      return Json.newObject().put("type", "string");
    }

    @Override
    public Optional<String> check(Value value) {
      return value instanceof Value.Text t
              && t.value().length() <= maxLength
              && !t.value().isBlank()
          ? Optional.empty()
          : Optional.of(expected());
    }

    @Override
    public String expected() {
      return "text of 1.." + maxLength + " characters";
    }
  }

  /** One string out of a fixed list. */
  record OneOf(List<String> values) implements ParamSpec {
    public OneOf {
      values = List.copyOf(requireNonNull(values, "values"));
      if (values.isEmpty()) {
        throw new IllegalArgumentException("values: empty (expected: at least one)");
      }
    }

    @Override
    public ValueType type() {
      return ValueType.STRING;
    }

    @Override
    public ObjectNode toJsonSchema() {
      ObjectNode node = Json.newObject().put("type", "string");
      ArrayNode array = node.putArray("enum");
      values.forEach(array::add);
      return node;
    }

    @Override
    public Optional<String> check(Value value) {
      return value instanceof Value.Text t && values.contains(t.value())
          ? Optional.empty()
          : Optional.of(expected());
    }

    @Override
    public String expected() {
      return "one of " + values;
    }
  }
}
