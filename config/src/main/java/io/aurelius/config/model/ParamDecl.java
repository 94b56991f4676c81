package io.aurelius.config.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A parameter an agent supplies when it takes an action. Every parameter is bounded: numbers by
 * {@code [min, max]}, strings by an enumerated set, free text by a maximum length. The optional
 * label describes the parameter to the agent in each framing.
 */
public sealed interface ParamDecl {
  ValueType type();

  Optional<FramedText> label();

  /** True when {@code value} (as CEL sees it) is an acceptable argument. */
  boolean accepts(Object value);

  /** An integer in {@code [min, max]}. */
  record IntParam(long min, long max, Optional<FramedText> label) implements ParamDecl {
    public IntParam {
      requireNonNull(label, "label");
    }

    @Override
    public ValueType type() {
      return ValueType.INT;
    }

    @Override
    public boolean accepts(Object value) {
      return value instanceof Long v && v >= min && v <= max;
    }
  }

  /** A finite double in {@code [min, max]}. */
  record DoubleParam(double min, double max, Optional<FramedText> label) implements ParamDecl {
    public DoubleParam {
      requireNonNull(label, "label");
    }

    @Override
    public ValueType type() {
      return ValueType.DOUBLE;
    }

    @Override
    public boolean accepts(Object value) {
      return value instanceof Double v && Double.isFinite(v) && v >= min && v <= max;
    }
  }

  /** A boolean. */
  record BoolParam(Optional<FramedText> label) implements ParamDecl {
    public BoolParam {
      requireNonNull(label, "label");
    }

    @Override
    public ValueType type() {
      return ValueType.BOOL;
    }

    @Override
    public boolean accepts(Object value) {
      return value instanceof Boolean;
    }
  }

  /** One of {@code values} (JSON type {@code "string"}). */
  record ChoiceParam(List<String> values, Optional<FramedText> label) implements ParamDecl {
    public ChoiceParam {
      values = List.copyOf(values);
      requireNonNull(label, "label");
    }

    @Override
    public ValueType type() {
      return ValueType.STRING;
    }

    @Override
    public boolean accepts(Object value) {
      return value instanceof String s && values.contains(s);
    }
  }

  /** Free text of at most {@code maxLength} characters (JSON type {@code "text"}). */
  record TextParam(int maxLength, Optional<FramedText> label) implements ParamDecl {
    public TextParam {
      requireNonNull(label, "label");
    }

    @Override
    public ValueType type() {
      return ValueType.TEXT;
    }

    @Override
    public boolean accepts(Object value) {
      return value instanceof String s && s.length() <= maxLength;
    }
  }
}
