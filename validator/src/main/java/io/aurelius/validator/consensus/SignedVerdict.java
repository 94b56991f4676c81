package io.aurelius.validator.consensus;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import io.aurelius.judge.api.AcceptanceForecast;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A validator's signed verdict on one aene of an epoch: the aene's content id, who proposed it (the
 * validator that simulated it) and for which miner, approve or reject, and the DLV the signer's
 * judges gave it. The signature is by {@code validator} under its key's {@code scheme} over {@code
 * "aurelius/verdict/v1\n"} followed by the canonical JSON of every other member, so a verdict
 * cannot be moved to another epoch, aene or signer. The JSON names the scheme only when it is not
 * Ed25519, so Ed25519 verdicts are the bytes they were before schemes.
 *
 * <p>{@code acceptance} is the signer's probability that the aene will be accepted (Proof of
 * Trust's forecast, in [ε, 1 − ε], six decimals). It is optional and, like the scheme, signed only
 * when present: a verdict without it has exactly the signed bytes of a verdict made before it
 * existed, and still verifies. Such a verdict forecasts its yes or no at the clamp ({@link
 * #forecast()}).
 */
public record SignedVerdict(
    long epoch,
    String aene,
    KeyId proposer,
    KeyId miner,
    boolean approve,
    double dlv,
    OptionalDouble acceptance,
    KeyId validator,
    KeyScheme scheme,
    String signature) {
  private static final byte[] DOMAIN = "aurelius/verdict/v1\n".getBytes(StandardCharsets.US_ASCII);
  private static final Set<String> MEMBERS =
      Set.of("epoch", "aene", "proposer", "miner", "approve", "dlv", "validator", "signature");
  private static final Set<String> OPTIONAL = Set.of("scheme", "acceptance");

  public SignedVerdict {
    requireNonNull(aene, "aene");
    requireNonNull(proposer, "proposer");
    requireNonNull(miner, "miner");
    requireNonNull(validator, "validator");
    requireNonNull(scheme, "scheme");
    requireNonNull(signature, "signature");
    requireNonNull(acceptance, "acceptance");
    if (acceptance.isPresent()
        && !(acceptance.getAsDouble() >= AcceptanceForecast.EPSILON
            && acceptance.getAsDouble() <= 1 - AcceptanceForecast.EPSILON)) {
      throw new IllegalArgumentException(
          "verdict.acceptance: "
              + acceptance.getAsDouble()
              + " (expected: "
              + AcceptanceForecast.EPSILON
              + ".."
              + (1 - AcceptanceForecast.EPSILON)
              + ")");
    }
    if (!aene.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException(
          "verdict.aene: '" + shorten(aene) + "' (expected: 64 lowercase hex digits)");
    }
    if (epoch < 0 || !(dlv >= 0 && dlv <= 1)) {
      throw new IllegalArgumentException(
          "verdict: epoch " + epoch + ", dlv " + dlv + " (expected: epoch >= 0, dlv 0..1)");
    }
  }

  /** A verdict without a forecast: the signed bytes of the first verdict format. */
  public static SignedVerdict sign(
      long epoch,
      String aene,
      KeyId proposer,
      KeyId miner,
      boolean approve,
      double dlv,
      Signer key) {
    return sign(epoch, aene, proposer, miner, approve, dlv, OptionalDouble.empty(), key);
  }

  /** A verdict with the signer's probability of acceptance, clamped to [ε, 1 − ε]. */
  public static SignedVerdict sign(
      long epoch,
      String aene,
      KeyId proposer,
      KeyId miner,
      boolean approve,
      double dlv,
      double acceptance,
      Signer key) {
    double q = Math.round(AcceptanceForecast.clamp(acceptance) * 1_000_000) / 1_000_000.0;
    return sign(epoch, aene, proposer, miner, approve, dlv, OptionalDouble.of(q), key);
  }

  private static SignedVerdict sign(
      long epoch,
      String aene,
      KeyId proposer,
      KeyId miner,
      boolean approve,
      double dlv,
      OptionalDouble acceptance,
      Signer key) {
    KeyId signer = KeyId.of(key.publicKey());
    double rounded = Math.round(dlv * 1_000_000) / 1_000_000.0;
    SignedVerdict unsigned =
        new SignedVerdict(
            epoch, aene, proposer, miner, approve, rounded, acceptance, signer, key.scheme(), "");
    byte[] sig = key.sign(unsigned.message());
    return new SignedVerdict(
        epoch,
        aene,
        proposer,
        miner,
        approve,
        rounded,
        acceptance,
        signer,
        key.scheme(),
        Base64.getEncoder().encodeToString(sig));
  }

  /**
   * The signer's probability of acceptance: the one it signed, or, for a verdict without one, its
   * yes or no at the clamp (1 − ε or ε).
   */
  public double forecast() {
    if (acceptance.isPresent()) {
      return acceptance.getAsDouble();
    }
    return approve ? 1 - AcceptanceForecast.EPSILON : AcceptanceForecast.EPSILON;
  }

  /** Whether the signature is the named validator's, under the one strict rule. */
  public boolean verifies() {
    byte[] sig;
    try {
      sig = Base64.getDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return sig.length == 64 && scheme.verifier().verify(validator.accountBytes(), message(), sig);
  }

  private byte[] message() {
    ObjectNode o = body();
    byte[] json = CanonicalJson.bytes(o);
    byte[] out = new byte[DOMAIN.length + json.length];
    System.arraycopy(DOMAIN, 0, out, 0, DOMAIN.length);
    System.arraycopy(json, 0, out, DOMAIN.length, json.length);
    return out;
  }

  private ObjectNode body() {
    ObjectNode o =
        Json.newObject()
            .put("epoch", epoch)
            .put("aene", aene)
            .put("proposer", proposer.address())
            .put("miner", miner.address())
            .put("approve", approve)
            .put("dlv", dlv)
            .put("validator", validator.address());
    if (acceptance.isPresent()) {
      o.put("acceptance", acceptance.getAsDouble());
    }
    if (scheme != KeyScheme.ED25519) {
      o.put("scheme", scheme.wireName());
    }
    return o;
  }

  public ObjectNode toJson() {
    return body().put("signature", signature);
  }

  /** Reads a verdict strictly: exactly the members above, of the right types. */
  public static SignedVerdict fromJson(JsonNode n, String where) {
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException(
          where
              + ": "
              + (n == null ? "missing" : n.getNodeType())
              + " (expected: a verdict object)");
    }
    n.fieldNames()
        .forEachRemaining(
            f -> {
              if (!MEMBERS.contains(f) && !OPTIONAL.contains(f)) {
                throw new IllegalArgumentException(
                    where + "." + shorten(f) + ": unknown member (expected: " + MEMBERS + ")");
              }
            });
    for (String m : MEMBERS) {
      if (!n.has(m)) {
        throw new IllegalArgumentException(where + "." + m + ": missing");
      }
    }
    if (!n.get("epoch").isIntegralNumber()
        || !n.get("epoch").canConvertToLong()
        || !n.get("approve").isBoolean()
        || !n.get("dlv").isNumber()
        || !n.get("signature").isTextual()
        || !n.get("aene").isTextual()) {
      throw new IllegalArgumentException(
          where
              + ": wrong member types (expected: epoch integer, aene text, "
              + "approve boolean, dlv number, signature text)");
    }
    OptionalDouble acceptance = acceptance(n, where);
    try {
      return new SignedVerdict(
          n.get("epoch").asLong(),
          n.get("aene").asText(),
          key(n, "proposer", where),
          key(n, "miner", where),
          n.get("approve").asBoolean(),
          n.get("dlv").asDouble(),
          acceptance,
          key(n, "validator", where),
          scheme(n, where),
          n.get("signature").asText());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  private static OptionalDouble acceptance(JsonNode n, String where) {
    JsonNode v = n.get("acceptance");
    if (v == null) {
      return OptionalDouble.empty();
    }
    if (!v.isNumber()) {
      throw new IllegalArgumentException(
          where + ".acceptance: " + v.getNodeType() + " (expected: a probability)");
    }
    return OptionalDouble.of(v.asDouble());
  }

  private static KeyScheme scheme(JsonNode n, String where) {
    JsonNode v = n.get("scheme");
    if (v == null) {
      return KeyScheme.ED25519;
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException(
          where + ".scheme: " + v.getNodeType() + " (expected: ed25519 or sr25519)");
    }
    return KeyScheme.fromWireName(v.asText());
  }

  private static KeyId key(JsonNode n, String member, String where) {
    JsonNode v = n.get(member);
    if (!v.isTextual()) {
      throw new IllegalArgumentException(
          where + "." + member + ": " + v.getNodeType() + " (expected: a key id)");
    }
    return KeyId.parse(v.asText());
  }

  private static String shorten(String s) {
    return s.length() > 70 ? s.substring(0, 70) + "…" : s;
  }
}
