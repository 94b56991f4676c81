package io.aurelius.worldmodel.value;

import java.util.Locale;

/** The declared type of a world variable or an action parameter. */
public enum ValueType {
  INT,
  DOUBLE,
  BOOL,
  STRING;

  /** The name used in configurations and JSON schemas ({@code int}, {@code double}, ...). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
