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
import java.util.Optional;

/**
 * A validator's signed verdict on a candidate module in one epoch: whether its trial against world
 * model {@code current} passed. Signed like configurations: the signature block is over the id of
 * the verdict without it. On the wire: {@code {"format": "aurelius.module-verdict/1", "epoch",
 * "validator", "module", "world_model", "passed", "approval"?: {"version", "scheme"?, "signature"},
 * "signature": {"author", "scheme"?, "signature"}}}.
 *
 * <p>A passing verdict carries an {@link Approval}: the validator's signature over the id of the
 * version adopting the module would bring, which is what the registry's adoption line holds from
 * each approver. The member is optional, so verdicts signed before it read and verify as they did.
 */
public record ModuleVerdict(
    long epoch,
    KeyId validator,
    ContentId module,
    WorldModelVersion current,
    boolean passed,
    Optional<Approval> approval) {
  public static final String FORMAT = "aurelius.module-verdict/1";
  static final String APPROVAL = "approval";

  /**
   * The validator's signature (author: the verdict's validator) over the id of {@code next}, the
   * version after adopting the module on {@code current}.
   */
  public record Approval(WorldModelVersion next, Signature signature) {
    public Approval {
      requireNonNull(next, "next");
      requireNonNull(signature, "signature");
    }
  }

  public ModuleVerdict {
    requireNonNull(validator, "validator");
    requireNonNull(module, "module");
    requireNonNull(current, "current");
    requireNonNull(approval, "approval");
    if (approval.isPresent()) {
      Approval a = approval.get();
      if (!passed) {
        throw new IllegalArgumentException(
            "module verdict: an approval on a failing verdict (expected: only when passed)");
      }
      if (a.next().number() != current.number() + 1 || !a.signature().author().equals(validator)) {
        throw new IllegalArgumentException(
            "module verdict: approval of "
                + a.next()
                + " by "
                + a.signature().author().address()
                + " (expected: version "
                + (current.number() + 1)
                + " by "
                + validator.address()
                + ")");
      }
    }
  }

  public ModuleVerdict(
      long epoch, KeyId validator, ContentId module, WorldModelVersion current, boolean passed) {
    this(epoch, validator, module, current, passed, Optional.empty());
  }

  /** This passing verdict with {@code key}'s approval of {@code next}, the would-be version. */
  public ModuleVerdict approving(WorldModelVersion next, Signer key) {
    Signature s =
        Signature.of(KeyId.of(key.publicKey()), key.scheme(), key.sign(next.id().digest()));
    return new ModuleVerdict(
        epoch, validator, module, current, passed, Optional.of(new Approval(next, s)));
  }

  /** The same verdict counted in another epoch (the quorum counts rounds as epochs). */
  public ModuleVerdict inEpoch(long other) {
    return new ModuleVerdict(other, validator, module, current, passed, approval);
  }

  public ObjectNode unsigned() {
    ObjectNode o =
        Json.newObject()
            .put("format", FORMAT)
            .put("epoch", epoch)
            .put("validator", validator.address())
            .put("module", module.hex())
            .put("world_model", current.toString())
            .put("passed", passed);
    approval.ifPresent(
        a -> {
          ObjectNode block = o.putObject(APPROVAL).put("version", a.next().toString());
          if (a.signature().scheme() != KeyScheme.ED25519) {
            block.put("scheme", a.signature().scheme().wireName());
          }
          block.put("signature", a.signature().base64());
        });
    return o;
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
    KeyId validator = KeyId.parse(signed.path("validator").asText());
    ModuleVerdict v =
        new ModuleVerdict(
            signed.path("epoch").asLong(),
            validator,
            ContentId.parse(signed.path("module").asText()),
            WorldModelVersion.parse(signed.path("world_model").asText()),
            signed.path("passed").asBoolean(),
            approval(signed.path(APPROVAL), validator));
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
    if (v.approval().isPresent()
        && !ConfigDocuments.verifies(
            v.approval().get().signature(), v.approval().get().next().id())) {
      throw new IllegalArgumentException(
          "module verdict of "
              + v.validator().address()
              + ": approval does not verify (expected: the validator's own over the id of "
              + v.approval().get().next()
              + ")");
    }
    return v;
  }

  private static Optional<Approval> approval(JsonNode a, KeyId validator) {
    if (a.isMissingNode()) {
      return Optional.empty();
    }
    return Optional.of(
        new Approval(
            WorldModelVersion.parse(a.path("version").asText()),
            new Signature(
                validator,
                a.has("scheme")
                    ? KeyScheme.fromWireName(a.get("scheme").asText())
                    : KeyScheme.ED25519,
                a.path("signature").asText())));
  }
}
