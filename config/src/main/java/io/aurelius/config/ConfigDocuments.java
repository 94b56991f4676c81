package io.aurelius.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.model.Signature;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.crypto.Verifier;
import io.aurelius.core.crypto.VerifyingKey;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.CanonicalJson;

/**
 * Ids and signatures of configuration documents. The id is the SHA-256 of the RFC 8785 canonical
 * JSON of the document without its {@code signature} member, so key order, white space and signing
 * do not change it. A signature is Ed25519 over the 32-byte id digest.
 */
public final class ConfigDocuments {
  public static final String SIGNATURE = "signature";

  private ConfigDocuments() {}

  /** A copy of the document without its signature block. */
  public static ObjectNode unsigned(JsonNode document) {
    requireNonNull(document, "document");
    if (!document.isObject()) {
      throw new IllegalArgumentException("configuration: not a JSON object");
    }
    ObjectNode copy = ((ObjectNode) document).deepCopy();
    copy.remove(SIGNATURE);
    return copy;
  }

  public static ContentId id(JsonNode document) {
    return CanonicalJson.id(unsigned(document));
  }

  /** A copy of the document with a signature block by {@code key} over its id. */
  public static ObjectNode sign(JsonNode document, Signer key) {
    requireNonNull(key, "key");
    ObjectNode copy = unsigned(document);
    Signature signature =
        Signature.of(KeyId.of(key.publicKey()), key.scheme(), key.sign(id(copy).digest()));
    ObjectNode block = copy.putObject(SIGNATURE);
    block.put("author", signature.author().address());
    if (signature.scheme() != KeyScheme.ED25519) {
      block.put("scheme", signature.scheme().wireName());
    }
    block.put("signature", signature.base64());
    return copy;
  }

  /** True when {@code signature} is the author's valid signature over {@code id}. */
  public static boolean verifies(Signature signature, ContentId id) {
    requireNonNull(signature, "signature");
    requireNonNull(id, "id");
    VerifyingKey key = signature.author().verifyingKey(signature.scheme());
    return Verifier.of(key.scheme()).verify(key, id.digest(), signature.bytes());
  }
}
