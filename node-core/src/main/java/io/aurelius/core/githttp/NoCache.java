package io.aurelius.core.githttp;

import java.util.Map;

/** Headers that stop proxies and clients from caching git responses, as git-http-backend does. */
final class NoCache {
  static final Map<String, String> HEADERS =
      Map.of(
          "Expires", "Fri, 01 Jan 1980 00:00:00 GMT",
          "Pragma", "no-cache",
          "Cache-Control", "no-cache, max-age=0, must-revalidate");

  private NoCache() {}
}
