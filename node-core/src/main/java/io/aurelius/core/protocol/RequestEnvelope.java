package io.aurelius.core.protocol;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.Signer;
import io.aurelius.core.crypto.Verifier;
import io.aurelius.core.crypto.VerifyingKey;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.identity.KeyId;
import java.nio.charset.StandardCharsets;

/**
 * The signed fields of a request. The signature is by the sender's key, under its {@link
 * io.aurelius.core.crypto.KeyScheme} (Ed25519 today), over the UTF-8 bytes of {@code
 * nonce.sender.receiver.uuid.bodyhash} (Bittensor's dendrite message, with SS58 addresses for
 * sender and receiver and the lowercase hex SHA-256 of the body).
 */
public record RequestEnvelope(
    KeyId sender, KeyId receiver, long nonce, String uuid, ContentId bodyHash) {
  public RequestEnvelope {
    requireNonNull(sender, "sender");
    requireNonNull(receiver, "receiver");
    ProtocolHeaders.checkUuid(requireNonNull(uuid, "uuid"));
    requireNonNull(bodyHash, "bodyHash");
    if (nonce <= 0) {
      throw new IllegalArgumentException("nonce: " + nonce + " (expected: positive)");
    }
  }

  public byte[] signingMessage() {
    return (nonce
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

  /** Signs with the sender's key; refuses a key that is not the sender's. */
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
