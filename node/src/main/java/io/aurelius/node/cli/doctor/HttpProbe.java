package io.aurelius.node.cli.doctor;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A bounded GET: at most {@link #MAX_BODY} bytes of the answer are read. */
final class HttpProbe {
  static final int MAX_BODY = 1 << 20;

  record Answer(int status, byte[] body) {}

  private final HttpClient client;
  private final Duration timeout;

  HttpProbe(Duration timeout) {
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  Answer get(URI uri) throws IOException, InterruptedException {
    HttpResponse<InputStream> response =
        client.send(
            HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
            HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = response.body()) {
      return new Answer(response.statusCode(), in.readNBytes(MAX_BODY));
    }
  }
}
