package io.aurelius.core.ops;

import static java.util.Objects.requireNonNull;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of one API request ({@code ?limit=20&q=door}), decoded, each at most {@value
 * #MAX_VALUE} characters. Parameters are read through bounded accessors so no handler can be asked
 * for an unbounded amount of work.
 */
public record ApiQuery(Map<String, String> params) {
  /** The longest query string the API reads at all. */
  public static final int MAX_QUERY = 1024;

  public static final int MAX_VALUE = 256;

  /** A parameter the route cannot use: answered 400 with this one-line message. */
  public static final class BadQueryException extends RuntimeException {
    public BadQueryException(String message) {
      super(message);
    }
  }

  /** Nothing at what the query names (an entry past the end, an epoch not run): a 404. */
  public static final class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
      super(message);
    }
  }

  public ApiQuery {
    params = Map.copyOf(params);
  }

  /** Parses a raw query string; refuses one that is too long or malformed. */
  public static ApiQuery parse(String raw) {
    requireNonNull(raw, "raw");
    if (raw.length() > MAX_QUERY) {
      throw new BadQueryException(
          "query: " + raw.length() + " characters (expected: at most " + MAX_QUERY + ")");
    }
    Map<String, String> params = new LinkedHashMap<>();
    if (!raw.isEmpty()) {
      for (String pair : raw.split("&", -1)) {
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        if (value.length() > MAX_VALUE) {
          throw new BadQueryException(
              "query parameter "
                  + name
                  + ": "
                  + value.length()
                  + " characters (expected: at most "
                  + MAX_VALUE
                  + ")");
        }
        params.put(name, value);
      }
    }
    return new ApiQuery(params);
  }

  public Optional<String> text(String name) {
    return Optional.ofNullable(params.get(name)).filter(v -> !v.isBlank()).map(String::strip);
  }

  /** A whole number in {@code [min, max]}, or {@code fallback} when absent. */
  public long number(String name, long fallback, long min, long max) {
    Optional<String> value = text(name);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      long n = Long.parseLong(value.get());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new BadQueryException(
        "query parameter "
            + name
            + ": '"
            + value.get()
            + "' (expected: a whole number in "
            + min
            + ".."
            + max
            + ")");
  }

  /** A required whole number in {@code [min, max]}. */
  public long requiredNumber(String name, long min, long max) {
    if (text(name).isEmpty()) {
      throw new BadQueryException(
          "query parameter "
              + name
              + ": missing (expected: a whole number in "
              + min
              + ".."
              + max
              + ")");
    }
    return number(name, min, min, max);
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new BadQueryException("query: '" + s + "' is not URL-encoded (expected: %XX escapes)");
    }
  }
}
