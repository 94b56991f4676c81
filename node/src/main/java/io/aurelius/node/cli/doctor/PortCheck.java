package io.aurelius.node.cli.doctor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** A port the node will listen on can be bound now (and is released straight away). */
final class PortCheck {
  private PortCheck() {}

  static Finding run(String host, int port) {
    String check = "port " + port;
    if (port < 1 || port > 65535) {
      return Finding.fail(
          check,
          "port " + port + " (expected: 1..65535)",
          "give --listen HOST:PORT a port in 1..65535");
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(host, port));
      return Finding.ok(check, host + ":" + port + " is free to bind");
    } catch (IOException | SecurityException e) {
      return Finding.fail(
          check,
          "cannot bind " + host + ":" + port + ": " + e.getMessage(),
          port < 1024
              ? "use a port of 1024 or more (--port), or grant the capability to bind low ports"
              : "stop the process that holds it (ss -ltnp 'sport = :"
                  + port
                  + "'), or choose another with --port");
    }
  }
}
