package io.aurelius.core.protocol;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.Signer;
import io.aurelius.core.crypto.Verifier;
import io.aurelius.core.crypto.VerifyingKey;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.identity.KeyId;
import java.nio.charset.StandardCharsets;

/**
 * The signed fields of a response. The server signs the UTF-8 bytes of {@code
 * response.status.nonce.sender.receiver.uuid.bodyhash}, where sender is the server, receiver the
 * client, and nonce and uuid are the request's: the response is bound to exactly one request and
 * its status. The {@code response.} prefix keeps a response signature from ever passing as a
 * request signature (request messages start with a digit).
 */
public record ResponseEnvelope(
    int status, KeyId sender, KeyId receiver, long nonce, String uuid, ContentId bodyHash) {
  public ResponseEnvelope {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status: " + status + " (expected: 100..599)");
    }
    requireNonNull(sender, "sender");
    requireNonNull(receiver, "receiver");
    ProtocolHeaders.checkUuid(requireNonNull(uuid, "uuid"));
    requireNonNull(bodyHash, "bodyHash");
  }

  public byte[] signingMessage() {
    return ("response."
            + status
            + "."
            + nonce
            + "."
            + sender.address()
            + "."
            + receiver.address()
            + "."
            + uuid
            + "."
            + bodyHash.hex())
        .getBytes(StandardCharsets.UTF_8);
  }

  public byte[] sign(Signer key) {
    requireNonNull(key, "key");
    if (!key.publicKey().equals(sender.publicKey())) {
      throw new IllegalArgumentException(
          "signing key " + KeyId.of(key.publicKey()) + " is not the sender " + sender);
    }
    return key.sign(signingMessage());
  }

  /** Verifies under the sender key's scheme, with that scheme's {@code Verifier}. */
  public boolean verify(byte[] signature) {
    VerifyingKey key = sender.publicKey();
    return Verifier.of(key.scheme()).verify(key, signingMessage(), signature);
  }
}
