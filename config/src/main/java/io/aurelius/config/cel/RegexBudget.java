package io.aurelius.config.cel;

import static java.util.Objects.requireNonNull;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.cel.runtime.CelFunctionBinding;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles {@code matches()} patterns under {@link CelLimits}: a pattern longer than {@code
 * maxRegexChars}, or whose estimated size ({@link RegexSize}) is far over {@code
 * maxRegexProgramSize}, is refused before RE2 sees it; one that compiles to more instructions than
 * {@code maxRegexProgramSize} is refused after. cel-java's own {@code matches} compiles first and
 * measures after, on every evaluation, which lets {@code ((a{100}){100}){100}} cost gigabytes; this
 * replaces it at run time and checks literal patterns when an expression is compiled. Compiled
 * patterns are cached; the budget is thread-safe.
 */
final class RegexBudget {
  /** CEL's overload ids for {@code matches(s, p)} and {@code s.matches(p)}. */
  static final List<String> OVERLOADS = List.of("matches", "matches_string");

  /**
   * How far over the program limit an estimate may be and still be compiled and measured exactly.
   * The estimate is close to the real size; the slack keeps a borderline pattern's message exact.
   */
  private static final int ESTIMATE_SLACK = 4;

  private static final int MAX_CACHED = 256;

  private final CelLimits limits;
  private final boolean partialMatch;
  private final Map<String, Pattern> compiled =
      Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Pattern> eldest) {
              return size() > MAX_CACHED;
            }
          });

  /** {@code partialMatch}: whether a pattern matches anywhere in the string (CEL's rule). */
  RegexBudget(CelLimits limits, boolean partialMatch) {
    this.limits = requireNonNull(limits, "limits");
    this.partialMatch = partialMatch;
  }

  /**
   * Why {@code pattern} is refused, as one line ending in what was expected; empty if it is not.
   */
  Optional<String> refusal(String pattern) {
    try {
      pattern(pattern);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** The compiled pattern; an {@link IllegalArgumentException} saying why if it is refused. */
  Pattern pattern(String pattern) {
    requireNonNull(pattern, "pattern");
    Pattern cached = compiled.get(pattern);
    if (cached != null) {
      return cached;
    }
    int chars = pattern.codePointCount(0, pattern.length());
    if (chars > limits.maxRegexChars()) {
      throw new IllegalArgumentException(
          "pattern is " + chars + " characters (expected: at most " + limits.maxRegexChars() + ")");
    }
    long estimate = RegexSize.estimate(pattern);
    if (estimate > (long) limits.maxRegexProgramSize() * ESTIMATE_SLACK) {
      throw new IllegalArgumentException(
          "pattern would compile to about "
              + (estimate >= RegexSize.SATURATED ? "more than " + RegexSize.SATURATED : estimate)
              + " instructions (expected: at most "
              + limits.maxRegexProgramSize()
              + ")");
    }
    Pattern p;
    try {
      p = Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      String detail = e.getDescription() + " in " + e.getPattern();
      throw new IllegalArgumentException(
          "invalid pattern: " + detail + " (expected: an RE2 regular expression)");
    }
    if (p.programSize() > limits.maxRegexProgramSize()) {
      throw new IllegalArgumentException(
          "pattern compiles to "
              + p.programSize()
              + " instructions (expected: at most "
              + limits.maxRegexProgramSize()
              + ")");
    }
    compiled.put(pattern, p);
    return p;
  }

  boolean matches(String subject, String pattern) {
    requireNonNull(subject, "subject");
    var matcher = pattern(pattern).matcher(subject);
    return partialMatch ? matcher.find() : matcher.matches();
  }

  /** Run-time bindings for CEL's {@code matches} overloads, in place of the standard ones. */
  List<CelFunctionBinding> bindings() {
    return OVERLOADS.stream()
        .map(
            id ->
                CelFunctionBinding.from(
                    id, String.class, String.class, (String s, String p) -> matches(s, p)))
        .toList();
  }
}
