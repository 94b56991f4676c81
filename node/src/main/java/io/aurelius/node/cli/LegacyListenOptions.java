package io.aurelius.node.cli;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import picocli.CommandLine.Option;

/**
 * The names bind addresses had before {@code --listen HOST:PORT} was the only one: {@code
 * --listen-host}, {@code --bind} and {@code --port}. Hidden, still honoured (as flags, {@code
 * AURELIUS_*} variables and config keys), each with a one-line warning. A picocli {@code @Mixin}.
 */
public final class LegacyListenOptions {
  @Option(names = "--listen-host", hidden = true, paramLabel = "HOST")
  private String listenHost;

  @Option(names = "--bind", hidden = true, paramLabel = "HOST")
  private String bind;

  @Option(names = "--port", hidden = true, paramLabel = "PORT")
  private Integer port;

  /** {@code listen} with any deprecated host or port given on top of it, warning for each. */
  public InetSocketAddress apply(InetSocketAddress listen, PrintWriter err) {
    String host = listen.getHostString();
    int p = listen.getPort();
    if (listenHost != null) {
      warn(err, "--listen-host");
      host = listenHost;
    }
    if (bind != null) {
      warn(err, "--bind");
      host = bind;
    }
    if (port != null) {
      warn(err, "--port");
      if (port < 0 || port > 65535) {
        throw new UserInputException("--port: " + port + " (expected: 0..65535)");
      }
      p = port;
    }
    return InetSocketAddress.createUnresolved(host, p);
  }

  private static void warn(PrintWriter err, String name) {
    err.println(
        "warning: "
            + name
            + " is deprecated; use --listen HOST:PORT (env AURELIUS_LISTEN, config key listen)");
    err.flush();
  }
}
