package io.aurelius.core.transport;

import java.util.concurrent.CompletableFuture;

/**
 * An open WebSocket carrying text messages (a JSON-RPC link to a Substrate node). Messages arrive
 * at the {@link Listener} given when it was opened, in order, on one I/O thread.
 */
public interface TextSocket extends AutoCloseable {
  boolean isOpen();

  /** Sends one text message; the future fails if it could not be written. */
  CompletableFuture<Void> send(String text);

  @Override
  void close();

  /** What arrives on a socket. Neither method may block. */
  interface Listener {
    void onText(String text);

    /** The socket closed (by either side, or failed); called once, with a one-line reason. */
    void onClosed(String reason);
  }
}
