package io.aurelius.core.githttp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Test-only adapter: mounts a {@link GitHttpService} under {@code /git} on the JDK's HTTP server on
 * loopback, the way the node's server mounts it, and records what clients sent.
 */
final class JdkGitHttpServer implements AutoCloseable {
  static final String MOUNT = "/git";

  /** One request as the service saw it. */
  record Seen(String method, String path, String query, Map<String, String> headers) {
    String header(String name) {
      return headers.getOrDefault(name, "");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final List<Seen> seen = new CopyOnWriteArrayList<>();

  private JdkGitHttpServer(GitHttpService service) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    executor = Executors.newFixedThreadPool(4);
    server.setExecutor(executor);
    server.createContext(MOUNT + "/", exchange -> serve(service, exchange));
    server.start();
  }

  static JdkGitHttpServer start(GitHttpService service) throws IOException {
    return new JdkGitHttpServer(service);
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:PORT/git/<repository>}. */
  String url(String repository) {
    return "http://127.0.0.1:" + port() + MOUNT + "/" + repository;
  }

  List<Seen> seen() {
    return List.copyOf(seen);
  }

  void forget() {
    seen.clear();
  }

  private void serve(GitHttpService service, HttpExchange exchange) throws IOException {
    try (exchange) {
      String rawPath = exchange.getRequestURI().getRawPath();
      String query = exchange.getRequestURI().getRawQuery();
      Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      exchange
          .getRequestHeaders()
          .forEach((name, values) -> headers.put(name, String.join(", ", values)));
      GitHttpRequest request =
          new GitHttpRequest(
              exchange.getRequestMethod(),
              rawPath.substring(MOUNT.length()),
              query == null ? "" : query,
              headers,
              exchange.getRequestBody());
      seen.add(new Seen(request.method(), request.path(), request.query(), request.headers()));
      GitHttpResponse response = service.handle(request);
      response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      long length = response.contentLength().orElse(0);
      exchange.sendResponseHeaders(
          response.status(), response.contentLength().isEmpty() ? 0 : length == 0 ? -1 : length);
      try (OutputStream out = exchange.getResponseBody()) {
        response.body().writeTo(out);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
