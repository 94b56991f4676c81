package io.aurelius.anchoring.note;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;
import java.util.Arrays;
import java.util.Base64;

/**
 * A hotkey's statement naming the Ed25519 key it cosigns corpus checkpoints with: {@code {"schema":
 * "aurelius/witness-key/1", "hotkey": "<SS58>", "witnessKey": "<type-04 verifier key named by that
 * address>", "signature": "<base64>"}}, the signature by the hotkey, in the scheme it registered
 * under on the chain, over the canonical JSON of the other three fields.
 *
 * <p>Why a statement: C2SP cosignatures are Ed25519 only, while a Bittensor hotkey is usually
 * sr25519, so the chain alone cannot say which cosignature key belongs to a validator. A verifier
 * takes the hotkey and its scheme from the metagraph and this statement from the validator; only
 * the hotkey's holder can make it. An Ed25519 hotkey needs none: it cosigns with itself ({@link
 * #ofEd25519Hotkey}).
 */
public record WitnessBinding(KeyId hotkey, VerifierKey witnessKey, byte[] signature) {
  public static final String SCHEMA = "aurelius/witness-key/1";

  /** Where a validator serves its statement, over plain HTTP on its endpoint. */
  public static final String PATH = "/corpus/witness-key";

  public static final int MAX_BYTES = 4096;

  public WitnessBinding {
    requireNonNull(hotkey, "hotkey");
    requireNonNull(witnessKey, "witnessKey");
    signature = requireNonNull(signature, "signature").clone();
    if (witnessKey.type() != KeyType.COSIGNATURE || !witnessKey.name().equals(hotkey.address())) {
      throw new IllegalArgumentException(
          "witness key "
              + witnessKey.format()
              + " (expected: a type-04 key named "
              + hotkey.address()
              + ")");
    }
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /**
   * The statement {@code hotkey} makes about the Ed25519 key {@code witnessKey} it cosigns with.
   */
  public static WitnessBinding sign(Signer hotkey, VerifierKey witnessKey) {
    KeyId id = KeyId.of(requireNonNull(hotkey, "hotkey").publicKey());
    byte[] message = message(id, requireNonNull(witnessKey, "witnessKey"));
    return new WitnessBinding(id, witnessKey, hotkey.sign(message));
  }

  /** The witness key of an Ed25519 hotkey, which is its own cosigning key (no statement needed). */
  public static VerifierKey ofEd25519Hotkey(KeyId hotkey) {
    return VerifierKey.of(hotkey.address(), KeyType.COSIGNATURE, hotkey.ed25519());
  }

  /** Reads a statement; the signature is not checked here (see {@link #verify}). */
  public static WitnessBinding parse(byte[] json) throws MalformedNoteException {
    requireNonNull(json, "json");
    if (json.length > MAX_BYTES) {
      throw new MalformedNoteException(
          "witness key statement: " + json.length + " bytes (expected: at most " + MAX_BYTES + ")");
    }
    JsonNode node;
    try {
      node = Json.parse(json, "witness key statement", JsonLimits.UNTRUSTED);
    } catch (JsonInputException e) {
      throw new MalformedNoteException(e.getMessage());
    }
    if (node == null
        || !node.isObject()
        || node.size() != 4
        || !SCHEMA.equals(node.path("schema").textValue())
        || !node.path("hotkey").isTextual()
        || !node.path("witnessKey").isTextual()
        || !node.path("signature").isTextual()) {
      throw new MalformedNoteException(
          "witness key statement: (expected: exactly schema \""
              + SCHEMA
              + "\", hotkey, witnessKey, signature)");
    }
    try {
      return new WitnessBinding(
          KeyId.parse(node.get("hotkey").textValue()),
          VerifierKey.parse(node.get("witnessKey").textValue()),
          Base64.getDecoder().decode(node.get("signature").textValue()));
    } catch (IllegalArgumentException e) {
      throw new MalformedNoteException("witness key statement: " + e.getMessage());
    }
  }

  /**
   * Checks that {@code hotkey}, a key of {@code scheme} (as the chain registered it), made this
   * statement.
   */
  public void verify(KeyId expected, KeyScheme scheme) throws NoteVerificationException {
    requireNonNull(expected, "expected");
    requireNonNull(scheme, "scheme");
    if (!hotkey.equals(expected)) {
      throw new NoteVerificationException(
          "witness key statement for " + hotkey + " (expected: " + expected + ")");
    }
    if (!scheme
        .verifier()
        .verify(hotkey.verifyingKey(scheme), message(hotkey, witnessKey), signature)) {
      throw new NoteVerificationException(
          "witness key statement of " + hotkey + ": signature does not verify (" + scheme + ")");
    }
  }

  /** The statement as canonical JSON bytes. */
  public byte[] bytes() {
    ObjectNode node = fields(hotkey, witnessKey);
    node.put("signature", Base64.getEncoder().encodeToString(signature));
    return CanonicalJson.bytes(node);
  }

  private static byte[] message(KeyId hotkey, VerifierKey witnessKey) {
    return CanonicalJson.bytes(fields(hotkey, witnessKey));
  }

  private static ObjectNode fields(KeyId hotkey, VerifierKey witnessKey) {
    return Json.newObject()
        .put("hotkey", hotkey.address())
        .put("schema", SCHEMA)
        .put("witnessKey", witnessKey.format());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WitnessBinding b
        && hotkey.equals(b.hotkey)
        && witnessKey.equals(b.witnessKey)
        && Arrays.equals(signature, b.signature);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * hotkey.hashCode() + witnessKey.hashCode()) + Arrays.hashCode(signature);
  }

  @Override
  public String toString() {
    return "WitnessBinding[" + hotkey + " → " + witnessKey.format() + "]";
  }
}
