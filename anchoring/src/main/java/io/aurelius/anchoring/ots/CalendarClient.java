package io.aurelius.anchoring.ots;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The OpenTimestamps calendar protocol: {@code POST /digest} answers with a bare proof for the
 * digest ending in a pending attestation; {@code GET /timestamp/<hex>} answers 200 with a proof for
 * that commitment once it reaches Bitcoin, or 404 while pending. Replies are bounded to {@value
 * #MAX_RESPONSE} bytes and parsed strictly.
 */
public final class CalendarClient {
  public static final int MAX_RESPONSE = 10_000;
  public static final int MAX_DIGEST = 64;
  private static final String ACCEPT = "application/vnd.opentimestamps.v1";

  private final HttpClient http;
  private final Duration timeout;

  public CalendarClient(Duration timeout) {
    this.timeout = requireNonNull(timeout, "timeout");
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Submits a digest; returns the calendar's proof for it (normally ending in Pending). */
  public Timestamp submit(URI calendar, byte[] digest) throws IOException, OtsFormatException {
    requireNonNull(calendar, "calendar");
    requireNonNull(digest, "digest");
    if (digest.length == 0 || digest.length > MAX_DIGEST) {
      throw new IllegalArgumentException(
          "digest: " + digest.length + " bytes (expected: 1.." + MAX_DIGEST + ")");
    }
    HttpRequest request =
        HttpRequest.newBuilder(join(calendar, "digest"))
            .timeout(timeout)
            .header("Accept", ACCEPT)
            .header("User-Agent", "aurelius")
            .POST(HttpRequest.BodyPublishers.ofByteArray(digest))
            .build();
    Reply reply = send(request, calendar);
    if (reply.status != 200) {
      throw new IOException(
          calendar + ": POST /digest answered HTTP " + reply.status + " (expected: 200)");
    }
    return Timestamp.parse(reply.body, digest, calendar + " reply");
  }

  /** The calendar's proof for {@code commitment}, or empty while it is still pending (404). */
  public Optional<Timestamp> fetch(URI calendar, byte[] commitment)
      throws IOException, OtsFormatException {
    requireNonNull(calendar, "calendar");
    requireNonNull(commitment, "commitment");
    HttpRequest request =
        HttpRequest.newBuilder(join(calendar, "timestamp/" + HexFormat.of().formatHex(commitment)))
            .timeout(timeout)
            .header("Accept", ACCEPT)
            .header("User-Agent", "aurelius")
            .GET()
            .build();
    Reply reply = send(request, calendar);
    if (reply.status == 404) {
      return Optional.empty();
    }
    if (reply.status != 200) {
      throw new IOException(
          calendar + ": GET /timestamp answered HTTP " + reply.status + " (expected: 200 or 404)");
    }
    return Optional.of(Timestamp.parse(reply.body, commitment, calendar + " reply"));
  }

  private Reply send(HttpRequest request, URI calendar) throws IOException {
    HttpResponse<InputStream> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(calendar + ": interrupted", e);
    } catch (java.net.http.HttpTimeoutException e) {
      throw new IOException(
          calendar + ": unreachable (timed out after " + timeout.toSeconds() + " s)", e);
    } catch (java.net.ConnectException e) {
      throw new IOException(calendar + ": unreachable (connection refused or no route)", e);
    } catch (IOException e) {
      throw new IOException(
          calendar
              + ": unreachable ("
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + ")",
          e);
    }
    try (InputStream in = response.body()) {
      byte[] body = in.readNBytes(MAX_RESPONSE + 1);
      if (body.length > MAX_RESPONSE) {
        throw new IOException(calendar + ": reply exceeds " + MAX_RESPONSE + " bytes");
      }
      return new Reply(response.statusCode(), body);
    }
  }

  private static URI join(URI calendar, String path) {
    String base = calendar.toString();
    return URI.create(base.endsWith("/") ? base + path : base + "/" + path);
  }

  private record Reply(int status, byte[] body) {}
}
