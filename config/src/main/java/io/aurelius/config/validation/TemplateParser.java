package io.aurelius.config.validation;

import io.aurelius.config.model.Expression;
import io.aurelius.config.model.Template;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits template text into literal text and {@code {{ expr }}} interpolations. An interpolation
 * ends at the first {@code }}} after its opening braces, so an expression inside a template cannot
 * itself contain {@code }}} (write {@code } }}).
 */
public final class TemplateParser {
  private TemplateParser() {}

  /**
   * Parses {@code source}; problems (unclosed braces, empty or too many interpolations) are added.
   */
  public static Template parse(String source, String path, Problems problems) {
    List<Template.Part> parts = new ArrayList<>();
    int i = 0;
    int count = 0;
    while (i < source.length()) {
      int open = source.indexOf("{{", i);
      if (open < 0) {
        parts.add(new Template.Literal(source.substring(i)));
        break;
      }
      if (open > i) {
        parts.add(new Template.Literal(source.substring(i, open)));
      }
      int close = source.indexOf("}}", open + 2);
      if (close < 0) {
        problems.add(path + "@" + open, "unclosed '{{' (expected: '{{ expression }}')");
        parts.add(new Template.Literal(source.substring(open)));
        break;
      }
      String expr = source.substring(open + 2, close).strip();
      if (expr.isEmpty()) {
        problems.add(path + "@" + open, "empty interpolation (expected: '{{ expression }}')");
      } else {
        parts.add(new Template.Interpolation(new Expression(expr, path + "@" + open), open));
        count++;
      }
      i = close + 2;
    }
    if (count > Limits.MAX_INTERPOLATIONS) {
      problems.add(
          path, count + " interpolations (expected: at most " + Limits.MAX_INTERPOLATIONS + ")");
    }
    return new Template(source, path, parts);
  }
}
