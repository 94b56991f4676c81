package io.aurelius.config.validation;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The name patterns of the format, and the CEL words no name may take. */
public final class Names {
  public static final Pattern CONFIG = Pattern.compile("^[a-z][a-z0-9_]{2,59}$");
  public static final Pattern ENTITY = Pattern.compile("^[a-z][a-z0-9_]{1,29}$");
  public static final Pattern VARIABLE = Pattern.compile("^[a-z][a-z0-9_]{0,29}$");
  public static final Pattern LABEL_KEY = Pattern.compile("^[a-z][a-z0-9_.]{0,39}$");
  public static final Pattern PERSONA = Pattern.compile("^[a-z][a-z0-9_]{0,39}$");
  public static final Pattern CONTENT_ID = Pattern.compile("^[0-9a-f]{64}$");

  /** CEL reserved words: a variable, parameter or agent so named could not be referenced. */
  public static final Set<String> RESERVED =
      Set.of(
          "as",
          "break",
          "const",
          "continue",
          "else",
          "false",
          "for",
          "function",
          "if",
          "import",
          "in",
          "let",
          "loop",
          "package",
          "namespace",
          "null",
          "return",
          "true",
          "var",
          "void",
          "while");

  private Names() {}

  /** Reads a name that CEL expressions will refer to: pattern plus reserved words. */
  static Optional<String> read(Fields f, String key, Pattern pattern) {
    Optional<String> name = f.matching(key, true, pattern);
    name.ifPresent(n -> reserved(n, f.at(key), f.problems()));
    return name;
  }

  static void reserved(String name, String path, Problems problems) {
    if (RESERVED.contains(name)) {
      problems.add(path, Problems.quote(name) + " is a CEL reserved word (expected: another name)");
    }
  }
}
