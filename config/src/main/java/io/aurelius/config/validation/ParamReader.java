package io.aurelius.config.validation;

import io.aurelius.config.model.FramedText;
import io.aurelius.config.model.ParamDecl;
import io.aurelius.config.model.ValueType;
import java.util.Optional;

/** Reads one parameter declaration: always bounded. */
final class ParamReader {
  private static final String TYPES = "one of int, double, bool, string, text";

  private ParamReader() {}

  static Optional<ParamDecl> read(Fields f) {
    if (!f.isObject()) {
      return Optional.empty();
    }
    Optional<String> spelled = f.string("type", true, TYPES);
    Optional<ValueType> type = spelled.flatMap(ValueType::fromJson);
    if (spelled.isPresent() && type.isEmpty()) {
      f.problems().add(f.at("type"), Problems.quote(spelled.get()) + " (expected: " + TYPES + ")");
    }
    Optional<FramedText> label =
        f.object("label", false, "{immersive, control}")
            .flatMap(l -> Parts.framedText(l, Limits.MAX_SHORT_LABEL_CHARS));
    Optional<ParamDecl> decl =
        type.map(
            t ->
                switch (t) {
                  case INT -> intParam(f, label);
                  case DOUBLE -> doubleParam(f, label);
                  case BOOL -> new ParamDecl.BoolParam(label);
                  case STRING ->
                      new ParamDecl.ChoiceParam(
                          StateReader.values(f, Limits.MAX_CHOICE_CHARS, 1), label);
                  case TEXT ->
                      new ParamDecl.TextParam(
                          f.integer("max_length", true, 1, Limits.MAX_TEXT_PARAM_CHARS)
                              .orElse(1L)
                              .intValue(),
                          label);
                });
    if (type.isEmpty()) {
      for (String key : new String[] {"min", "max", "values", "max_length"}) {
        f.get(key, false, "");
      }
    }
    f.finish();
    return decl;
  }

  private static ParamDecl intParam(Fields f, Optional<FramedText> label) {
    long bound = Limits.MAX_MAGNITUDE;
    Optional<Long> min = f.integer("min", true, -bound, bound);
    Optional<Long> max = f.integer("max", true, -bound, bound);
    if (min.isPresent() && max.isPresent() && min.get() > max.get()) {
      f.problems().add(f.at("min"), min.get() + " (expected: at most max " + max.get() + ")");
    }
    return new ParamDecl.IntParam(min.orElse(0L), max.orElse(0L), label);
  }

  private static ParamDecl doubleParam(Fields f, Optional<FramedText> label) {
    Optional<Double> min = StateReader.number(f, "min");
    Optional<Double> max = StateReader.number(f, "max");
    if (min.isPresent() && max.isPresent() && min.get() > max.get()) {
      f.problems().add(f.at("min"), min.get() + " (expected: at most max " + max.get() + ")");
    }
    return new ParamDecl.DoubleParam(min.orElse(0.0), max.orElse(0.0), label);
  }
}
