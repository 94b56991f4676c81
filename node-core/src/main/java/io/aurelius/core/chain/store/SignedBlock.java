package io.aurelius.core.chain.store;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.Signer;
import io.aurelius.core.crypto.Verifier;
import io.aurelius.core.crypto.VerifyingKey;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.CanonicalJson;
import java.util.HexFormat;

/**
 * A block with the chain authority's signature over its canonical JSON (Ed25519 today: 128 hex
 * digits), checked by the {@link Verifier} of the authority key's scheme.
 */
public record SignedBlock(Block block, String signature) {
  public SignedBlock {
    requireNonNull(block, "block");
    requireNonNull(signature, "signature");
  }

  public static SignedBlock sign(Block block, Signer authority) {
    byte[] sig = authority.sign(CanonicalJson.bytes(BlockCodec.blockToTree(block)));
    return new SignedBlock(block, HexFormat.of().formatHex(sig));
  }

  /** Checks the signature under the strict rule; false for any malformed signature. */
  public boolean verify(KeyId authority) {
    if (!signature.matches("[0-9a-f]{128}")) {
      return false;
    }
    // The dev chain's authority signs blocks with Ed25519.
    VerifyingKey key = authority.ed25519();
    return Verifier.of(key.scheme())
        .verify(
            key,
            CanonicalJson.bytes(BlockCodec.blockToTree(block)),
            HexFormat.of().parseHex(signature));
  }

  /** The stored form: canonical JSON of {@code {"block": …, "signature": …}}. */
  public byte[] canonicalBytes() {
    return CanonicalJson.bytes(BlockCodec.toTree(this));
  }
}
