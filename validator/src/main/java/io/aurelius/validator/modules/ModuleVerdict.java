package io.aurelius.validator.modules;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.ConfigDocuments;
import io.aurelius.config.model.Signature;
import io.aurelius.config.module.WorldModelVersion;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;

/**
 * A validator's signed verdict on a candidate module in one epoch: whether its trial against world
 * model {@code current} passed. Signed like configurations: the signature block is over the id of
 * the verdict without it. On the wire: {@code {"format": "aurelius.module-verdict/1", "epoch",
 * "validator", "module", "world_model", "passed", "signature": {"author", "scheme"?,
 * "signature"}}}.
 */
public record ModuleVerdict(
    long epoch, KeyId validator, ContentId module, WorldModelVersion current, boolean passed) {
  public static final String FORMAT = "aurelius.module-verdict/1";

  public ModuleVerdict {
    requireNonNull(validator, "validator");
    requireNonNull(module, "module");
    requireNonNull(current, "current");
  }

  public ObjectNode unsigned() {
    return Json.newObject()
        .put("format", FORMAT)
        .put("epoch", epoch)
        .put("validator", validator.address())
        .put("module", module.hex())
        .put("world_model", current.toString())
        .put("passed", passed);
  }

  /** The verdict signed by the validator's hotkey, which must be {@link #validator()}. */
  public ObjectNode sign(Signer key) {
    if (!KeyId.of(key.publicKey()).equals(validator)) {
      throw new IllegalArgumentException(
          "verdict of " + validator.address() + " signed by another key (expected: its own)");
    }
    return ConfigDocuments.sign(unsigned(), key);
  }

  /**
   * Reads a signed verdict and checks that its signature is the named validator's.
   *
   * @throws IllegalArgumentException (one line) for anything else
   */
  public static ModuleVerdict verify(JsonNode signed) {
    if (!FORMAT.equals(signed.path("format").asText())) {
      throw new IllegalArgumentException(
          "module verdict: format " + signed.path("format") + " (expected: \"" + FORMAT + "\")");
    }
    ModuleVerdict v =
        new ModuleVerdict(
            signed.path("epoch").asLong(),
            KeyId.parse(signed.path("validator").asText()),
            ContentId.parse(signed.path("module").asText()),
            WorldModelVersion.parse(signed.path("world_model").asText()),
            signed.path("passed").asBoolean());
    // Compared as canonical bytes: a verdict read from the wire holds its numbers as other node
    // types.
    if (!java.util.Arrays.equals(
        CanonicalJson.bytes(ConfigDocuments.unsigned(signed)), CanonicalJson.bytes(v.unsigned()))) {
      throw new IllegalArgumentException(
          "module verdict: unknown or mistyped members (expected: " + v.unsigned() + ")");
    }
    JsonNode s = signed.path("signature");
    Signature sig =
        new Signature(
            KeyId.parse(s.path("author").asText()),
            s.has("scheme") ? KeyScheme.fromWireName(s.get("scheme").asText()) : KeyScheme.ED25519,
            s.path("signature").asText());
    if (!sig.author().equals(v.validator())
        || !ConfigDocuments.verifies(sig, ConfigDocuments.id(signed))) {
      throw new IllegalArgumentException(
          "module verdict of "
              + v.validator().address()
              + ": signature does not verify (expected: the validator's own over the verdict id)");
    }
    return v;
  }
}
