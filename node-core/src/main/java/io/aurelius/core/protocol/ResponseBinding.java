package io.aurelius.core.protocol;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.identity.KeyId;

/** What a signed response echoes of its request: the client, its nonce and its uuid. */
public record ResponseBinding(KeyId client, long nonce, String uuid) {
  public ResponseBinding {
    requireNonNull(client, "client");
    ProtocolHeaders.checkUuid(requireNonNull(uuid, "uuid"));
  }
}
