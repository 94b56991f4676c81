package io.aurelius.core.githttp;

import java.util.List;

/**
 * The {@code Git-Protocol} header: colon-separated parameters such as {@code version=2}, handed to
 * JGit, which switches to protocol v2 when it finds {@code version=2} and serves v0 otherwise.
 */
final class ProtocolParameters {
  static final int MAX_CHARS = 256;

  private ProtocolParameters() {}

  static List<String> of(GitHttpRequest request) throws GitHttpException {
    String value = request.header("Git-Protocol").orElse("").trim();
    if (value.isEmpty()) {
      return List.of();
    }
    if (value.length() > MAX_CHARS) {
      throw new GitHttpException(
          400, "Git-Protocol: " + value.length() + " chars (expected: at most " + MAX_CHARS + ")");
    }
    return List.of(value.split(":"));
  }
}
