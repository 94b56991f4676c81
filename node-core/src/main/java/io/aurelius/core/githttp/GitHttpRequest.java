package io.aurelius.core.githttp;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request below the git mount point.
 *
 * @param method the HTTP method, e.g. {@code GET}
 * @param path the raw (still percent-encoded) path below the mount point, starting with {@code /},
 *     e.g. {@code /corpus.git/info/refs}
 * @param query the raw query string without {@code ?}, empty when there is none
 * @param headers request headers; names are matched case-insensitively
 * @param body the request body; the service reads at most its limit plus one byte from it
 */
public record GitHttpRequest(
    String method, String path, String query, Map<String, String> headers, InputStream body) {
  public GitHttpRequest {
    requireNonNull(method, "method");
    requireNonNull(path, "path");
    requireNonNull(query, "query");
    requireNonNull(headers, "headers");
    requireNonNull(body, "body");
    TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(
        (name, value) ->
            copy.put(requireNonNull(name, "header name"), requireNonNull(value, "header " + name)));
    headers = Collections.unmodifiableMap(copy);
  }

  /** A request without a body. */
  public static GitHttpRequest get(String path, String query, Map<String, String> headers) {
    return new GitHttpRequest("GET", path, query, headers, InputStream.nullInputStream());
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(requireNonNull(name, "name")));
  }
}
