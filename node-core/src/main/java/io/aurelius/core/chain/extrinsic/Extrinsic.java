package io.aurelius.core.chain.extrinsic;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.crypto.Verifier;
import io.aurelius.core.crypto.VerifyingKey;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.CanonicalJson;

/**
 * A signed request to change the chain's state: who signs, their account nonce, the call, and a
 * signature over {@link #signingBytes} (the canonical JSON of chain id, signer, nonce and call)
 * under the signer key's {@code scheme}, checked by that scheme's {@link Verifier} with its one
 * strict rule. The chain id in the signed bytes stops an extrinsic from being replayed on another
 * chain; the nonce, on the same chain.
 */
public record Extrinsic(KeyId signer, KeyScheme scheme, long nonce, Call call, String signature) {
  public Extrinsic {
    requireNonNull(signer, "signer");
    requireNonNull(scheme, "scheme");
    requireNonNull(call, "call");
    if (nonce < 0 || nonce > Call.MAX_AMOUNT) {
      throw new IllegalArgumentException(
          "nonce: " + nonce + " (expected: 0.." + Call.MAX_AMOUNT + ")");
    }
    Hex.checkSignature("signature", signature);
  }

  public static Extrinsic sign(String chainId, Signer key, long nonce, Call call) {
    requireNonNull(chainId, "chainId");
    requireNonNull(key, "key");
    KeyId signer = KeyId.of(key.publicKey());
    byte[] signature = key.sign(signingBytes(chainId, signer, key.scheme(), nonce, call));
    return new Extrinsic(signer, key.scheme(), nonce, call, Hex.encode(signature));
  }

  /**
   * The bytes the signer signs: canonical JSON of {@code {chain, signer, scheme, nonce, call}},
   * where {@code scheme} is left out for Ed25519 (so Ed25519 bytes are those from before schemes).
   */
  public static byte[] signingBytes(
      String chainId, KeyId signer, KeyScheme scheme, long nonce, Call call) {
    var payload = io.aurelius.core.json.Json.newObject();
    payload.put("domain", "aurelius/extrinsic/v1");
    payload.put("chain", chainId);
    payload.put("signer", signer.address());
    if (scheme != KeyScheme.ED25519) {
      payload.put("scheme", scheme.wireName());
    }
    payload.put("nonce", nonce);
    payload.set("call", ExtrinsicCodec.callToTree(call));
    return CanonicalJson.bytes(payload);
  }

  /** Checks the signature under the strict rule for the given chain. */
  public boolean verify(String chainId) {
    VerifyingKey key = signer.verifyingKey(scheme);
    return Verifier.of(scheme)
        .verify(key, signingBytes(chainId, signer, scheme, nonce, call), Hex.decode(signature));
  }

  /** Hex SHA-256 of the extrinsic's canonical JSON, signature included. */
  public String hash() {
    return ContentId.of(CanonicalJson.bytes(ExtrinsicCodec.toTree(this))).hex();
  }
}
