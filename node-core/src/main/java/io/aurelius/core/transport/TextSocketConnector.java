package io.aurelius.core.transport;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/** Opens {@link TextSocket}s to {@code ws://} and {@code wss://} endpoints. */
public interface TextSocketConnector extends AutoCloseable {
  /**
   * Connects and completes the WebSocket handshake within {@code timeout}; messages (and frames)
   * larger than {@code maxMessageBytes} close the socket.
   *
   * @throws IOException with a one-line reason when the connection or handshake fails
   */
  TextSocket connect(URI uri, int maxMessageBytes, Duration timeout, TextSocket.Listener listener)
      throws IOException;

  @Override
  void close();
}
