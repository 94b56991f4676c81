package io.aurelius.core.protocol;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.identity.KeyId;

/**
 * What a signed response answers: the authenticated client it is addressed to (the btauth/1
 * receiver) and the request target it is signed over. Only a request whose signature verified has
 * one, so the server never signs for a sender it has not authenticated.
 */
public record ResponseBinding(KeyId client, String target) {
  public ResponseBinding {
    requireNonNull(client, "client");
    requireNonNull(target, "target");
  }
}
