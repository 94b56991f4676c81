package io.aurelius.config.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A typed state variable of the world or of an agent. Numbers are always bounded: an assignment
 * outside {@code [min, max]} is clamped by the world model (and the clamp recorded); a string
 * variable holds one of its declared values.
 */
public sealed interface VarDecl {
  ValueType type();

  /**
   * The initial value as CEL sees it: {@link Long}, {@link Double}, {@link Boolean} or {@link
   * String}.
   */
  Object initialValue();

  Optional<String> description();

  /** An integer in {@code [min, max]}. */
  record IntVar(long initial, long min, long max, Optional<String> description) implements VarDecl {
    public IntVar {
      requireNonNull(description, "description");
    }

    @Override
    public ValueType type() {
      return ValueType.INT;
    }

    @Override
    public Object initialValue() {
      return initial;
    }

    /** {@code value} clamped into {@code [min, max]}. */
    public long clamp(long value) {
      return Math.max(min, Math.min(max, value));
    }
  }

  /** A finite double in {@code [min, max]}. */
  record DoubleVar(double initial, double min, double max, Optional<String> description)
      implements VarDecl {
    public DoubleVar {
      requireNonNull(description, "description");
    }

    @Override
    public ValueType type() {
      return ValueType.DOUBLE;
    }

    @Override
    public Object initialValue() {
      return initial;
    }

    public double clamp(double value) {
      return Math.max(min, Math.min(max, value));
    }
  }

  /** A boolean. */
  record BoolVar(boolean initial, Optional<String> description) implements VarDecl {
    public BoolVar {
      requireNonNull(description, "description");
    }

    @Override
    public ValueType type() {
      return ValueType.BOOL;
    }

    @Override
    public Object initialValue() {
      return initial;
    }
  }

  /** One of {@code values}; assigning anything else is a runtime error of the world model. */
  record StringVar(String initial, List<String> values, Optional<String> description)
      implements VarDecl {
    public StringVar {
      requireNonNull(initial, "initial");
      values = List.copyOf(values);
      requireNonNull(description, "description");
    }

    @Override
    public ValueType type() {
      return ValueType.STRING;
    }

    @Override
    public Object initialValue() {
      return initial;
    }
  }
}
