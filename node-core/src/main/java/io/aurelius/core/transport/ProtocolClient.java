package io.aurelius.core.transport;

import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.CanonicalJson;
import java.util.concurrent.CompletableFuture;

/**
 * Calls peers over the signed protocol. Every request is signed by this client's hotkey with
 * a fresh nonce; every answer is verified before it is returned as {@link Reply.Ok}. The
 * returned futures never complete exceptionally and are completed off the I/O threads, so
 * dependent stages may block.
 */
public interface ProtocolClient extends AutoCloseable {
  KeyId hotkey();

  /** Sends {@code body} (JSON bytes, sent as they are) to {@code POST /v1/<route>}. */
  CompletableFuture<Reply> send(PeerEndpoint peer, String route, byte[] body);

  /** Sends a record, map or Jackson tree as canonical JSON. */
  default CompletableFuture<Reply> call(PeerEndpoint peer, String route, Object request) {
    byte[] body = request instanceof com.fasterxml.jackson.databind.JsonNode node
        ? CanonicalJson.bytes(node) : CanonicalJson.bytesOf(request);
    return send(peer, route, body);
  }

  @Override
  void close();
}
