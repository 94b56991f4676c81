package io.aurelius.miner.remote;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * A configuration in a remote repository: {@code http://127.0.0.1:8091/git/configs.git#<id>}, where
 * the id is the full 64 hex digits or a prefix of at least {@link #MIN_PREFIX} of them.
 */
public record ConfigRef(URI repository, String idPrefix) {
  public static final int MIN_PREFIX = 8;
  private static final Set<String> SCHEMES = Set.of("http", "https", "file");

  public ConfigRef {
    requireNonNull(repository, "repository");
    requireNonNull(idPrefix, "idPrefix");
    if (!idPrefix.matches("[0-9a-f]{" + MIN_PREFIX + ",64}")) {
      throw bad(
          "id '"
              + shorten(idPrefix)
              + "' (expected: "
              + MIN_PREFIX
              + " to 64 lowercase hex digits of a configuration id)");
    }
  }

  /** Parses {@code URL#ID}. */
  public static ConfigRef parse(String text) {
    requireNonNull(text, "text");
    int hash = text.lastIndexOf('#');
    if (hash < 0) {
      throw bad(
          "'"
              + shorten(text)
              + "' has no #ID (expected: URL#ID, e.g. "
              + "http://127.0.0.1:8091/git/configs.git#<id>)");
    }
    URI uri;
    try {
      uri = new URI(text.substring(0, hash));
    } catch (URISyntaxException e) {
      throw bad(
          "URL '"
              + shorten(text.substring(0, hash))
              + "': "
              + e.getReason()
              + " (expected: an http, https or file URL)");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!SCHEMES.contains(scheme) || uri.getPath() == null || uri.getPath().isEmpty()) {
      throw bad(
          "URL '"
              + shorten(uri.toString())
              + "' (expected: an http, https or file URL "
              + "of a git repository)");
    }
    if (!scheme.equals("file") && (uri.getHost() == null || uri.getHost().isEmpty())) {
      throw bad(
          "URL '"
              + shorten(uri.toString())
              + "': no host (expected: e.g. "
              + "http://127.0.0.1:8091/git/configs.git)");
    }
    return new ConfigRef(uri, text.substring(hash + 1).toLowerCase(Locale.ROOT));
  }

  public boolean isFullId() {
    return idPrefix.length() == 64;
  }

  @Override
  public String toString() {
    return repository + "#" + idPrefix;
  }

  private static RemoteException bad(String message) {
    return new RemoteException(RemoteException.Kind.BAD_REFERENCE, message);
  }

  private static String shorten(String s) {
    String oneLine = s.replaceAll("\\p{Cntrl}", "?");
    return oneLine.length() > 100 ? oneLine.substring(0, 100) + "…" : oneLine;
  }
}
