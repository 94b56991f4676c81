package io.aurelius.core.githttp;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Reads an upload-pack request body into memory, gunzipping it, within a byte limit. */
final class RequestBody {
  private RequestBody() {}

  static byte[] read(GitHttpRequest request, int maxBytes) throws GitHttpException, IOException {
    String encoding =
        request.header("Content-Encoding").orElse("identity").trim().toLowerCase(Locale.ROOT);
    boolean gzip =
        switch (encoding) {
          case "identity", "" -> false;
          case "gzip", "x-gzip" -> true;
          default ->
              throw new GitHttpException(
                  415,
                  "Content-Encoding: " + GitRoute.quote(encoding) + " (expected: gzip or none)");
        };
    long declared = declaredLength(request).orElse(-1L);
    if (declared > maxBytes) {
      throw tooLarge(maxBytes);
    }
    try {
      InputStream raw = new Capped(request.body(), maxBytes);
      InputStream decoded = gzip ? new GZIPInputStream(raw, 8192) : raw;
      try (InputStream in = new Capped(decoded, maxBytes)) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
      }
    } catch (Capped.LimitExceeded e) {
      throw tooLarge(maxBytes);
    } catch (ZipException | EOFException e) {
      if (!gzip) {
        throw e;
      }
      throw new GitHttpException(400, "request body: not valid gzip: " + e.getMessage());
    }
  }

  private static Optional<Long> declaredLength(GitHttpRequest request) throws GitHttpException {
    Optional<String> header = request.header("Content-Length");
    if (header.isEmpty()) {
      return Optional.empty();
    }
    try {
      long length = Long.parseLong(header.get().trim());
      if (length < 0) {
        throw new NumberFormatException();
      }
      return Optional.of(length);
    } catch (NumberFormatException e) {
      throw new GitHttpException(
          400,
          "Content-Length: "
              + GitRoute.quote(header.get())
              + " (expected: a non-negative integer)");
    }
  }

  private static GitHttpException tooLarge(int maxBytes) {
    return new GitHttpException(
        413, "request body: more than " + maxBytes + " bytes (expected: at most " + maxBytes + ")");
  }

  /** Fails once more than {@code max} bytes have been read through it. */
  private static final class Capped extends FilterInputStream {
    static final class LimitExceeded extends IOException {
      private static final long serialVersionUID = 1L;

      LimitExceeded() {
        super("limit exceeded", null);
      }
    }

    private final long max;
    private long count;

    Capped(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws LimitExceeded {
      count += n;
      if (count > max) {
        throw new LimitExceeded();
      }
    }
  }
}
