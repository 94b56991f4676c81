package io.aurelius.node.cli;

import java.net.InetSocketAddress;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a server command listens, given the one way every command takes it: {@code --listen
 * HOST:PORT} ({@code [::1]:PORT} for IPv6; port 0 picks a free one).
 */
public final class ListenAddress {
  private static final Pattern FORM =
      Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[^\\s:\\[\\]]+):(\\d{1,5})");

  private ListenAddress() {}

  /** Parses {@code text}; {@code flag} names it in the one-line error. */
  public static InetSocketAddress parse(String text, String flag) {
    Matcher m = FORM.matcher(text == null ? "" : text.strip());
    int port = m.matches() ? Integer.parseInt(m.group(2)) : -1;
    if (port < 0 || port > 65535) {
      throw new UserInputException(
          flag + ": '" + text + "' (expected: HOST:PORT, e.g. 127.0.0.1:8091 or 0.0.0.0:0)");
    }
    String host = m.group(1);
    if (host.startsWith("[")) {
      host = host.substring(1, host.length() - 1);
    }
    return InetSocketAddress.createUnresolved(host, port);
  }

  /** {@code HOST:PORT} as the user would type it. */
  public static String format(InetSocketAddress address) {
    String host = address.getHostString();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
  }
}
