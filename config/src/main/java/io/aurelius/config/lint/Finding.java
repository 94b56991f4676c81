package io.aurelius.config.lint;

import static java.util.Objects.requireNonNull;

/**
 * One revealing phrase: the text's JSON path, the character position where the phrase starts, the
 * phrase as written, and the listed term it matched.
 */
public record Finding(String path, int position, String found, String term) {
  public Finding {
    requireNonNull(path, "path");
    requireNonNull(found, "found");
    requireNonNull(term, "term");
  }

  @Override
  public String toString() {
    return path
        + "@"
        + position
        + ": \""
        + found
        + "\" tells the agent it is being evaluated "
        + "(expected: immersive text without the term '"
        + term
        + "')";
  }
}
