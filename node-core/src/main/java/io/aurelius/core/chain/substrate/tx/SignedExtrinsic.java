package io.aurelius.core.chain.substrate.tx;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.substrate.scale.Bytes;
import io.aurelius.core.identity.KeyId;

/**
 * A signed extrinsic ready to submit: its bytes (with the compact length prefix, as {@code
 * author_submitExtrinsic} takes them), its hash (blake2-256 of those bytes, as blocks list it), the
 * call it carries, the signer and the nonce it used.
 */
public record SignedExtrinsic(
    Bytes encoded, Bytes hash, RuntimeCall call, KeyId signer, long nonce) {
  public SignedExtrinsic {
    requireNonNull(encoded, "encoded");
    requireNonNull(hash, "hash");
    requireNonNull(call, "call");
    requireNonNull(signer, "signer");
  }
}
