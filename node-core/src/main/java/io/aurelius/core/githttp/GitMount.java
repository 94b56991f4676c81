package io.aurelius.core.githttp;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.transport.PlainHttpHandler;
import io.aurelius.core.transport.PlainHttpRequest;
import io.aurelius.core.transport.PlainHttpResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Serves a {@link GitHttpService} on a plain route mounted at {@link #PREFIX}. Small answers of a
 * known length (advertisements, errors) go whole; a pack is streamed to the client in chunks as
 * upload-pack writes it, with backpressure, so no answer is held in memory whatever the size of the
 * repository (issue 15: clones past 64 MiB used to get a 503). Mount it on a {@code BULK} route: a
 * streaming clone keeps its bulk worker until the last byte is sent.
 */
public final class GitMount implements PlainHttpHandler {
  public static final String PREFIX = "/git/";

  private final GitHttpService git;

  public GitMount(GitHttpService git) {
    this.git = requireNonNull(git, "git");
  }

  /** The largest request body the route must accept (an upload-pack negotiation). */
  public int maxRequestBytes() {
    return git.limits().maxRequestBytes();
  }

  @Override
  public PlainHttpResponse handle(PlainHttpRequest request) throws IOException {
    String path = request.path().substring(PREFIX.length() - 1);
    GitHttpResponse response =
        git.handle(
            new GitHttpRequest(
                request.method(),
                path,
                request.query(),
                request.headers(),
                new ByteArrayInputStream(request.body())));
    Map<String, String> headers = new LinkedHashMap<>();
    response.headers().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
    headers.remove("content-length");
    if (response.contentLength().isPresent()) {
      return new PlainHttpResponse(response.status(), headers, response.bodyBytes());
    }
    return PlainHttpResponse.streamed(response.status(), headers, response.body()::writeTo);
  }
}
