package io.aurelius.core.chain;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * Where a registered hotkey serves the signed protocol: a host name or IP literal and a TCP port.
 * {@link #NONE} (0.0.0.0:0) means "not serving", as an unset axon on Subtensor.
 */
public record Endpoint(String host, int port) {
  public static final int MAX_HOST_LENGTH = 253;
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:-]{1," + MAX_HOST_LENGTH + "}");
  public static final Endpoint NONE = new Endpoint("0.0.0.0", 0);

  public Endpoint {
    requireNonNull(host, "host");
    if (!HOST.matcher(host).matches()) {
      throw new IllegalArgumentException(
          "endpoint host '"
              + shorten(host)
              + "' (expected: a host name or IP literal of letters, digits, '.', ':' and '-', at most "
              + MAX_HOST_LENGTH
              + " chars)");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("endpoint port: " + port + " (expected: 0..65535)");
    }
  }

  /** Parses {@code host:port}, or {@code [v6-literal]:port}. */
  public static Endpoint parse(String text) {
    requireNonNull(text, "text");
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException("endpoint '" + shorten(text) + "' (expected: host:port)");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "endpoint '" + shorten(text) + "': port is not a number (expected: host:port)");
    }
    return new Endpoint(host, port);
  }

  public boolean serving() {
    return port != 0 && !host.equals("0.0.0.0");
  }

  @Override
  public String toString() {
    return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
  }

  private static String shorten(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
