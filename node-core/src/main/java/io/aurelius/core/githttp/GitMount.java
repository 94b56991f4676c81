package io.aurelius.core.githttp;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.transport.PlainHttpHandler;
import io.aurelius.core.transport.PlainHttpRequest;
import io.aurelius.core.transport.PlainHttpResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Serves a {@link GitHttpService} on a plain route mounted at {@link #PREFIX}. The plain transport
 * answers with whole bodies, so a pack is built in memory, up to {@code maxResponseBytes}; beyond
 * that the request gets a 503 (a configuration library is a few hundred KiB; larger repositories
 * need a streaming route).
 */
public final class GitMount implements PlainHttpHandler {
  public static final String PREFIX = "/git/";

  private final GitHttpService git;
  private final int maxResponseBytes;

  public GitMount(GitHttpService git, int maxResponseBytes) {
    this.git = requireNonNull(git, "git");
    this.maxResponseBytes = maxResponseBytes;
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
    BoundedBuffer body = new BoundedBuffer(maxResponseBytes);
    try {
      response.body().writeTo(body);
    } catch (BoundedBuffer.Full e) {
      // reported below; JGit may also have caught it on the way
    }
    if (body.overflowed()) {
      return PlainHttpResponse.text(
          503,
          "repository too large to serve here: more than "
              + maxResponseBytes
              + " bytes (expected: a smaller pack)\n");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    response.headers().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
    headers.remove("content-length");
    return new PlainHttpResponse(response.status(), headers, body.toByteArray());
  }

  /** An output stream that refuses to grow beyond its limit. */
  private static final class BoundedBuffer extends OutputStream {
    static final class Full extends IOException {
      private static final long serialVersionUID = 1L;

      Full() {
        super("response limit reached", null);
      }
    }

    private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    private final int limit;
    private boolean overflowed;

    BoundedBuffer(int limit) {
      this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
      ensure(1);
      bytes.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      ensure(len);
      bytes.write(b, off, len);
    }

    private void ensure(int more) throws Full {
      if (overflowed || (long) bytes.size() + more > limit) {
        overflowed = true;
        throw new Full();
      }
    }

    boolean overflowed() {
      return overflowed;
    }

    byte[] toByteArray() {
      return bytes.toByteArray();
    }
  }
}
