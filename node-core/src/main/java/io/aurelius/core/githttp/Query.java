package io.aurelius.core.githttp;

import java.util.Optional;

/** The raw query string of a git request; git sends plain {@code key=value} pairs. */
final class Query {
  static final int MAX_CHARS = 256;

  private Query() {}

  /** The value of {@code key}, refusing a parameter given twice. */
  static Optional<String> single(String query, String key) throws GitHttpException {
    if (query.length() > MAX_CHARS) {
      throw new GitHttpException(
          400, "query: " + query.length() + " chars (expected: at most " + MAX_CHARS + ")");
    }
    String found = null;
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      if (!name.equals(key)) {
        continue;
      }
      if (found != null) {
        throw new GitHttpException(400, "query: " + key + " given twice (expected: once)");
      }
      found = eq < 0 ? "" : pair.substring(eq + 1);
    }
    return Optional.ofNullable(found);
  }
}
