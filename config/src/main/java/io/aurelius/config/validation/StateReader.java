package io.aurelius.config.validation;

import io.aurelius.config.model.ValueType;
import io.aurelius.config.model.VarDecl;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads a map of typed state variables (the world's or an agent's). */
final class StateReader {
  private static final String TYPES = "one of int, double, bool, string";

  private StateReader() {}

  static Map<String, VarDecl> read(Fields parent, String key, boolean required, int max) {
    Map<String, VarDecl> state = new LinkedHashMap<>();
    for (Fields.Entry e : parent.map(key, required, max, "variable declarations")) {
      Problems p = parent.problems();
      if (!Names.VARIABLE.matcher(e.key()).matches()) {
        p.add(
            e.path(),
            "variable name "
                + Problems.quote(e.key())
                + " (expected: "
                + Names.VARIABLE.pattern()
                + ")");
      }
      Names.reserved(e.key(), e.path(), p);
      decl(Fields.of(e.node(), e.path(), p)).ifPresent(d -> state.put(e.key(), d));
    }
    return state;
  }

  private static Optional<VarDecl> decl(Fields f) {
    if (!f.isObject()) {
      return Optional.empty();
    }
    Optional<String> type = f.string("type", true, TYPES);
    Optional<String> description = f.text("description", false, 1, Limits.MAX_SHORT_LABEL_CHARS);
    Optional<ValueType> valueType =
        type.flatMap(ValueType::fromJson).filter(t -> t != ValueType.TEXT);
    if (type.isPresent() && valueType.isEmpty()) {
      f.problems().add(f.at("type"), Problems.quote(type.get()) + " (expected: " + TYPES + ")");
    }
    Optional<VarDecl> decl =
        valueType.map(
            t ->
                switch (t) {
                  case INT -> intVar(f, description);
                  case DOUBLE -> doubleVar(f, description);
                  case BOOL ->
                      new VarDecl.BoolVar(f.bool("initial", true).orElse(false), description);
                  case STRING, TEXT -> stringVar(f, description);
                });
    if (valueType.isEmpty()) {
      f.get("initial", false, "");
      f.get("min", false, "");
      f.get("max", false, "");
      f.get("values", false, "");
    }
    f.finish();
    return decl;
  }

  private static VarDecl intVar(Fields f, Optional<String> description) {
    long bound = Limits.MAX_MAGNITUDE;
    long min = f.integer("min", true, -bound, bound).orElse(-bound);
    long max = f.integer("max", true, -bound, bound).orElse(bound);
    long initial = f.integer("initial", true, -bound, bound).orElse(min);
    if (min > max) {
      f.problems().add(f.at("min"), min + " (expected: at most max " + max + ")");
    } else if (initial < min || initial > max) {
      f.problems().add(f.at("initial"), initial + " (expected: " + min + ".." + max + ")");
    }
    return new VarDecl.IntVar(initial, min, max, description);
  }

  private static VarDecl doubleVar(Fields f, Optional<String> description) {
    double bound = Limits.MAX_MAGNITUDE;
    double min = number(f, "min").orElse(-bound);
    double max = number(f, "max").orElse(bound);
    double initial = number(f, "initial").orElse(min);
    if (min > max) {
      f.problems().add(f.at("min"), min + " (expected: at most max " + max + ")");
    } else if (initial < min || initial > max) {
      f.problems().add(f.at("initial"), initial + " (expected: " + min + ".." + max + ")");
    }
    return new VarDecl.DoubleVar(initial, min, max, description);
  }

  static Optional<Double> number(Fields f, String key) {
    return f.get(key, true, "a number")
        .flatMap(v -> Check.number(v, f.at(key), f.problems(), Limits.MAX_MAGNITUDE));
  }

  private static VarDecl stringVar(Fields f, Optional<String> description) {
    List<String> values = values(f, Limits.MAX_VAR_VALUE_CHARS, 0);
    String initial = f.string("initial", true, "one of the values").orElse("");
    if (!values.isEmpty() && f.has("initial") && !values.contains(initial)) {
      f.problems().add(f.at("initial"), Problems.quote(initial) + " (expected: one of the values)");
    }
    return new VarDecl.StringVar(initial, values, description);
  }

  /** Reads {@code values}: 1..16 distinct strings of minChars..maxChars characters. */
  static List<String> values(Fields f, int maxChars, int minChars) {
    List<String> values = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Fields.Item item : f.array("values", true, 1, Limits.MAX_VALUES, "strings")) {
      Check.text(item.node(), item.path(), f.problems(), minChars, maxChars)
          .ifPresent(
              v -> {
                if (!seen.add(v)) {
                  f.problems()
                      .add(
                          item.path(), Problems.quote(v) + " repeated (expected: distinct values)");
                }
                values.add(v);
              });
    }
    return values;
  }
}
