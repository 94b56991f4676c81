package io.aurelius.core.identity;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * The local name of a stored key, which is also its file name: 1 to 32 characters of lower case
 * letters, digits, {@code -} and {@code _}, starting with a letter or digit. Names are shorter than
 * any {@link KeyId}, so an argument can be told apart from a key id by its length.
 */
public record KeyName(String value) implements Comparable<KeyName> {
  public static final int MAX_LENGTH = 32;
  static final String RULE =
      "1.." + MAX_LENGTH + " characters of a-z, 0-9, '-' and '_', starting with a letter or digit";
  private static final Pattern PATTERN = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

  public KeyName {
    requireNonNull(value, "value");
    if (!PATTERN.matcher(value).matches()) {
      String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
      throw new IllegalArgumentException("key name '" + shown + "' (expected: " + RULE + ")");
    }
  }

  public static KeyName of(String value) {
    return new KeyName(value);
  }

  /** True if {@code value} is short enough to be meant as a name rather than a key id. */
  public static boolean looksLikeName(String value) {
    return value.length() <= MAX_LENGTH;
  }

  String fileName() {
    return value + ".json";
  }

  @Override
  public int compareTo(KeyName o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
