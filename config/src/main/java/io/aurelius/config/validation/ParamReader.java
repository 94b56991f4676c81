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
    Optional<FramedText> label = f.object("label", false, "{immersive, control}")
        .flatMap(l -> Parts.framedText(l, Limits.MAX_SHORT_LABEL_CHARS));
    Optional<ParamDecl> decl = type.map(t -> switch (t) {
      case INT -> intParam(f, label);
      case DOUBLE -> doubleParam(f, label);
      case BOOL -> new ParamDecl.BoolParam(label);
      case STRING -> new ParamDecl.ChoiceParam(
          StateReader.values(f, Limits.MAX_CHOICE_CHARS, 1), label);
      case TEXT -> new ParamDecl.TextParam(
          f.integer("max_length", true, 1, Limits.MAX_TEXT_PARAM_CHARS).orElse(1L).intValue(),
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
    long min = f.integer("min", true, -bound, bound).orElse(0L);
    long max = f.integer("max", true, -bound, bound).orElse(0L);
    if (min > max) {
      f.problems().add(f.at("min"), min + " (expected: at most max " + max + ")");
    }
    return new ParamDecl.IntParam(min, max, label);
  }

  private static ParamDecl doubleParam(Fields f, Optional<FramedText> label) {
    double min = StateReader.number(f, "min").orElse(0.0);
    double max = StateReader.number(f, "max").orElse(0.0);
    if (min > max) {
      f.problems().add(f.at("min"), min + " (expected: at most max " + max + ")");
    }
    return new ParamDecl.DoubleParam(min, max, label);
  }
}
