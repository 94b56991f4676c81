package io.aurelius.core.transport;

import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.CanonicalJson;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Calls peers over the signed protocol. Every request is signed by this client's hotkey with a
 * fresh nonce; every answer is verified before it is returned as {@link Reply.Ok}. The returned
 * futures never complete exceptionally and are completed off the I/O threads, so dependent stages
 * may block.
 */
public interface ProtocolClient extends AutoCloseable {
  KeyId hotkey();

  /**
   * Sends {@code body} (JSON bytes, sent as they are) to {@code POST /v1/<route>}; the answer is
   * awaited for the client's request timeout.
   */
  CompletableFuture<Reply> send(PeerEndpoint peer, String route, byte[] body);

  /**
   * As {@link #send(PeerEndpoint, String, byte[])}, awaiting the complete answer for {@code
   * timeout} instead (a deadline per kind of call: a miner's query is not a peer's cosignature).
   */
  CompletableFuture<Reply> send(PeerEndpoint peer, String route, byte[] body, Duration timeout);

  /** Sends a record, map or Jackson tree as canonical JSON. */
  default CompletableFuture<Reply> call(PeerEndpoint peer, String route, Object request) {
    byte[] body =
        request instanceof com.fasterxml.jackson.databind.JsonNode node
            ? CanonicalJson.bytes(node)
            : CanonicalJson.bytesOf(request);
    return send(peer, route, body);
  }

  /**
   * Sends a record, map or Jackson tree as canonical JSON, awaiting the answer for {@code timeout}.
   */
  default CompletableFuture<Reply> call(
      PeerEndpoint peer, String route, Object request, Duration timeout) {
    byte[] body =
        request instanceof com.fasterxml.jackson.databind.JsonNode node
            ? CanonicalJson.bytes(node)
            : CanonicalJson.bytesOf(request);
    return send(peer, route, body, timeout);
  }

  @Override
  void close();
}
