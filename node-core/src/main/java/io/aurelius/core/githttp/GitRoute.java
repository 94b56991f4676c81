package io.aurelius.core.githttp;

/**
 * What a request path asks for: a repository name and an endpoint. Parsing checks only the shape of
 * the path; whether the repository exists is the {@link RepositoryMap}'s answer.
 */
record GitRoute(String repository, Endpoint endpoint) {
  /** The endpoints below {@code /<repository>/}. */
  enum Endpoint {
    /** {@code GET info/refs?service=...}: the ref advertisement. */
    INFO_REFS,
    /** {@code POST git-upload-pack}: one round of clone or fetch negotiation. */
    UPLOAD_PACK,
    /** {@code git-receive-pack}: a push, always refused. */
    RECEIVE_PACK,
    /** {@code GET HEAD}: the dumb-protocol HEAD file. */
    HEAD_FILE
  }

  static final int MAX_PATH_CHARS = 512;
  static final String EXPECTED =
      "expected: /<repository>/info/refs, /<repository>/git-upload-pack" + " or /<repository>/HEAD";

  static GitRoute parse(String path) throws GitHttpException {
    if (path.length() > MAX_PATH_CHARS) {
      throw new GitHttpException(
          414, "path: " + path.length() + " chars (expected: at most " + MAX_PATH_CHARS + ")");
    }
    if (!path.startsWith("/")) {
      throw new GitHttpException(400, "path: " + quote(path) + " (" + EXPECTED + ")");
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c <= 0x20 || c >= 0x7f || c == '%' || c == '\\') {
        throw new GitHttpException(
            400,
            "path: "
                + quote(path)
                + ": character "
                + quote(String.valueOf(c))
                + " at "
                + i
                + " (expected: unencoded letters, digits, . _ - /)");
      }
    }
    String[] segments = path.substring(1).split("/", -1);
    for (String segment : segments) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new GitHttpException(
            400, "path: " + quote(path) + ": empty, '.' or '..' segment (" + EXPECTED + ")");
      }
    }
    String repository = segments[0];
    String rest = String.join("/", java.util.Arrays.asList(segments).subList(1, segments.length));
    return switch (rest) {
      case "info/refs" -> new GitRoute(repository, Endpoint.INFO_REFS);
      case "git-upload-pack" -> new GitRoute(repository, Endpoint.UPLOAD_PACK);
      case "git-receive-pack" -> new GitRoute(repository, Endpoint.RECEIVE_PACK);
      case "HEAD" -> new GitRoute(repository, Endpoint.HEAD_FILE);
      default ->
          throw new GitHttpException(
              404, "path: " + quote(path) + ": not served (" + EXPECTED + ")");
    };
  }

  /** Client text for an error line: single-quoted, printable ASCII, at most 80 chars. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("'");
    int limit = Math.min(text.length(), 80);
    for (int i = 0; i < limit; i++) {
      char c = text.charAt(i);
      out.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    if (text.length() > limit) {
      out.append("...");
    }
    return out.append('\'').toString();
  }
}
