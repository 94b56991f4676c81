package io.aurelius.core.ops;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.hash.ContentId;
import io.aurelius.core.transport.PlainHttpRequest;
import io.aurelius.core.transport.PlainHttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A front end's files, read once from the class path (the node jar carries the console built by
 * npm) and served from memory: content type by extension, a strong ETag with {@code no-cache} so a
 * browser revalidates and gets a 304 while the node runs the same build, and a strict
 * Content-Security-Policy (own scripts, styles and API only; no inline script, no frames).
 */
public final class StaticAssets {
  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private record Asset(String contentType, byte[] body, String etag) {}

  private final Map<String, Asset> byPath = new HashMap<>();

  private StaticAssets() {}

  /**
   * The files {@code names} below {@code folder} on {@code loader}'s class path, {@code index.html}
   * also served at {@code /}; empty when the folder has no {@code index.html} (a build without the
   * front end).
   */
  public static Optional<StaticAssets> fromClassPath(
      ClassLoader loader, String folder, List<String> names) {
    requireNonNull(loader, "loader");
    requireNonNull(folder, "folder");
    StaticAssets assets = new StaticAssets();
    for (String name : names) {
      Optional<byte[]> body = read(loader, folder + "/" + name);
      if (body.isEmpty()) {
        if (name.equals("index.html")) {
          return Optional.empty();
        }
        throw new IllegalStateException("console asset " + folder + "/" + name + ": missing");
      }
      Asset asset =
          new Asset(contentType(name), body.get(), "\"" + ContentId.of(body.get()).hex() + "\"");
      assets.byPath.put("/" + name, asset);
      if (name.equals("index.html")) {
        assets.byPath.put("/", asset);
      }
    }
    return Optional.of(assets);
  }

  /** The file at the request's path, or empty when there is none. */
  public Optional<PlainHttpResponse> serve(PlainHttpRequest request) {
    Asset asset = byPath.get(request.path());
    if (asset == null) {
      return Optional.empty();
    }
    Map<String, String> headers =
        Map.of(
            "content-type",
            asset.contentType(),
            "cache-control",
            "no-cache",
            "etag",
            asset.etag(),
            "content-security-policy",
            CSP,
            "x-content-type-options",
            "nosniff",
            "referrer-policy",
            "no-referrer");
    if (request.header("if-none-match").map(asset.etag()::equals).orElse(false)) {
      return Optional.of(new PlainHttpResponse(304, headers, new byte[0]));
    }
    return Optional.of(new PlainHttpResponse(200, headers, asset.body()));
  }

  static String contentType(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".html")) {
      return "text/html; charset=utf-8";
    } else if (lower.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    } else if (lower.endsWith(".css")) {
      return "text/css; charset=utf-8";
    } else if (lower.endsWith(".svg")) {
      return "image/svg+xml";
    } else if (lower.endsWith(".json")) {
      return "application/json";
    }
    return "application/octet-stream";
  }

  private static Optional<byte[]> read(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
