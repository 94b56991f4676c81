package io.aurelius.core.chain.store;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.CanonicalJson;
import java.util.HexFormat;

/** A block with the chain authority's Ed25519 signature over its canonical JSON. */
public record SignedBlock(Block block, String signature) {
  public SignedBlock {
    requireNonNull(block, "block");
    requireNonNull(signature, "signature");
  }

  public static SignedBlock sign(Block block, Ed25519KeyPair authority) {
    byte[] sig = authority.sign(CanonicalJson.bytes(BlockCodec.blockToTree(block)));
    return new SignedBlock(block, HexFormat.of().formatHex(sig));
  }

  /** Checks the signature under the strict rule; false for any malformed signature. */
  public boolean verify(KeyId authority) {
    if (!signature.matches("[0-9a-f]{128}")) {
      return false;
    }
    return authority.publicKey().verify(CanonicalJson.bytes(BlockCodec.blockToTree(block)),
        HexFormat.of().parseHex(signature));
  }

  /** The stored form: canonical JSON of {@code {"block": …, "signature": …}}. */
  public byte[] canonicalBytes() {
    return CanonicalJson.bytes(BlockCodec.toTree(this));
  }
}
