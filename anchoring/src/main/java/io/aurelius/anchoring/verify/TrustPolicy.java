package io.aurelius.anchoring.verify;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.anchoring.covenant.Covenant;
import io.aurelius.anchoring.covenant.InvalidCovenantException;
import io.aurelius.anchoring.log.LogManifest;
import io.aurelius.anchoring.note.KeyType;
import io.aurelius.anchoring.note.MalformedNoteException;
import io.aurelius.anchoring.note.StakeThreshold;
import io.aurelius.anchoring.note.VerifierKey;
import io.aurelius.anchoring.note.WitnessQuorum;
import io.aurelius.core.crypto.Ed25519PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whom verification trusts: the log keys that may sign checkpoints (type 01), the witnesses (type
 * 04) with their stake and the quorum, and where that trust came from. Three sources, strongest
 * first: a trusted-keys file, a covenant's {@code parameters.anchoring}, or the keys the repository
 * declares about itself (which proves integrity, not origin).
 */
public record TrustPolicy(
    String source,
    boolean selfDeclared,
    Set<VerifierKey> logKeys,
    WitnessQuorum witnesses,
    Optional<String> origin,
    boolean requireWitnessed) {
  public TrustPolicy {
    requireNonNull(source, "source");
    logKeys = Set.copyOf(logKeys);
    requireNonNull(witnesses, "witnesses");
    requireNonNull(origin, "origin");
  }

  /** Trust the key in the repository's own manifest (reported as such). */
  public static TrustPolicy selfDeclared(LogManifest manifest) {
    return new TrustPolicy(
        "keys declared by the repository itself (pin them with --trusted-keys or --covenant)",
        true,
        Set.of(manifest.logKey()),
        WitnessQuorum.none(),
        Optional.empty(),
        false);
  }

  /**
   * Trust when neither a trusted-keys file nor a covenant is given: the key remembered for this
   * origin from an earlier verification; on first contact the repository's own key only if the user
   * accepts it explicitly. A key that differs from the remembered one is a re-keyed log, refused.
   *
   * @param seenFile where the remembered key is kept, named in messages
   */
  public static TrustPolicy byDefault(
      LogManifest manifest,
      Optional<SeenCheckpoint> seen,
      String seenFile,
      boolean acceptRepositoryKeys)
      throws VerificationFailure {
    requireNonNull(manifest, "manifest");
    if (seen.isPresent()) {
      VerifierKey remembered = seen.get().logKey();
      if (!remembered.equals(manifest.logKey())) {
        throw new VerificationFailure(
            "re-keyed: log key "
                + manifest.logKey().format()
                + " differs from key "
                + remembered.format()
                + " remembered for "
                + manifest.origin()
                + " in "
                + seenFile
                + " (to accept a new key, name it with --trusted-keys or --covenant)");
      }
      return new TrustPolicy(
          "the key remembered for " + manifest.origin() + " in " + seenFile,
          false,
          Set.of(remembered),
          WitnessQuorum.none(),
          Optional.empty(),
          false);
    }
    if (!acceptRepositoryKeys) {
      throw new VerificationFailure(
          "log key "
              + manifest.logKey().format()
              + " is declared only by the repository, and none is trusted or remembered for "
              + manifest.origin()
              + " (expected: --trusted-keys FILE, --covenant LOG, or --trust-repository-keys to"
              + " accept it on first use)");
    }
    return new TrustPolicy(
        "keys declared by the repository itself, accepted on first use with"
            + " --trust-repository-keys (pin them with --trusted-keys or --covenant)",
        true,
        Set.of(manifest.logKey()),
        WitnessQuorum.none(),
        Optional.empty(),
        false);
  }

  /**
   * Reads a trusted-keys file: one verifier key per line, {@code #} comments; a type-01 key is a
   * log key, a type-04 key a witness, optionally followed by its stake (default 1).
   */
  public static TrustPolicy fromTrustedKeys(
      List<String> lines, StakeThreshold threshold, String source) throws MalformedNoteException {
    Set<VerifierKey> logKeys = new LinkedHashSet<>();
    Map<VerifierKey, Long> stakes = new LinkedHashMap<>();
    int n = 0;
    for (String raw : lines) {
      n++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+");
      if (parts.length > 2) {
        throw new MalformedNoteException(
            source + ":" + n + ": " + parts.length + " fields (expected: <verifier key> [stake])");
      }
      VerifierKey key;
      try {
        key = VerifierKey.parse(parts[0]);
      } catch (MalformedNoteException e) {
        throw new MalformedNoteException(source + ":" + n + ": " + e.getMessage());
      }
      if (key.type() == KeyType.ED25519) {
        if (parts.length == 2) {
          throw new MalformedNoteException(
              source
                  + ":"
                  + n
                  + ": a stake for log key "
                  + key.name()
                  + " (expected: stakes only on cosigner keys, type 04)");
        }
        logKeys.add(key);
      } else {
        long stake = 1;
        if (parts.length == 2) {
          try {
            stake = Long.parseLong(parts[1]);
          } catch (NumberFormatException e) {
            stake = -1;
          }
          if (stake < 0) {
            throw new MalformedNoteException(
                source + ":" + n + ": stake '" + parts[1] + "' (expected: a whole number ≥ 0)");
          }
        }
        stakes.put(key, stake);
      }
    }
    if (logKeys.isEmpty()) {
      throw new MalformedNoteException(
          source + ": no log key (expected: at least one type-01 verifier key)");
    }
    return new TrustPolicy(
        source, false, logKeys, new WitnessQuorum(stakes, threshold), Optional.empty(), false);
  }

  /** Trust as the covenant's {@code parameters.anchoring} states it. */
  public static TrustPolicy fromCovenant(Covenant covenant, String source)
      throws InvalidCovenantException {
    JsonNode a = covenant.parameters().path("anchoring");
    String where = source + ": parameters.anchoring";
    if (!a.isObject()) {
      throw new InvalidCovenantException(
          where + " is missing (expected: corpusOrigin, corpusLogKeys, witnesses)");
    }
    Set<VerifierKey> logKeys = new LinkedHashSet<>();
    for (JsonNode k : a.path("corpusLogKeys")) {
      VerifierKey key = key(k.asText(), where + ".corpusLogKeys");
      if (key.type() != KeyType.ED25519) {
        throw new InvalidCovenantException(
            where + ".corpusLogKeys: " + key.format() + " (expected: type 01)");
      }
      logKeys.add(key);
    }
    if (logKeys.isEmpty()) {
      throw new InvalidCovenantException(
          where + ".corpusLogKeys is empty (expected: the corpus log's verifier key)");
    }
    Map<VerifierKey, Long> stakes = new LinkedHashMap<>();
    for (JsonNode w : a.path("witnesses")) {
      VerifierKey key = key(w.path("key").asText(), where + ".witnesses");
      if (key.type() != KeyType.COSIGNATURE
          || !w.path("stake").canConvertToExactIntegral()
          || w.path("stake").asLong() < 0) {
        throw new InvalidCovenantException(
            where + ".witnesses: " + w + " (expected: {key: type-04 key, stake: n ≥ 0})");
      }
      stakes.put(key, w.path("stake").asLong());
    }
    StakeThreshold threshold;
    try {
      threshold =
          a.has("witnessQuorum")
              ? StakeThreshold.parse(a.path("witnessQuorum").asText())
              : StakeThreshold.TWO_THIRDS;
    } catch (IllegalArgumentException e) {
      throw new InvalidCovenantException(where + ".witnessQuorum: " + e.getMessage());
    }
    Optional<String> origin = Optional.ofNullable(a.path("corpusOrigin").textValue());
    return new TrustPolicy(
        source, false, logKeys, new WitnessQuorum(stakes, threshold), origin, false);
  }

  /**
   * Trust taken from the chain: the witnesses are the metagraph's validators with their stake, each
   * under the cosignature key it is bound to ({@code bound}; {@code unboundStake} for validators
   * whose key is not known), and a log key is trusted when it is one of those keys named by the
   * log's {@code origin}, that is, when the log is kept by one of the validators.
   */
  public static TrustPolicy fromChain(
      String origin,
      Map<VerifierKey, Long> bound,
      long unboundStake,
      StakeThreshold threshold,
      String source) {
    requireNonNull(origin, "origin");
    Set<VerifierKey> logKeys = new LinkedHashSet<>();
    bound
        .keySet()
        .forEach(k -> logKeys.add(VerifierKey.of(origin, KeyType.ED25519, k.publicKey())));
    return new TrustPolicy(
        source,
        false,
        logKeys,
        new WitnessQuorum(bound, unboundStake, threshold),
        Optional.empty(),
        false);
  }

  public TrustPolicy requiringWitnessed(boolean require) {
    return new TrustPolicy(source, selfDeclared, logKeys, witnesses, origin, require);
  }

  /** Keys whose burn records count: the log keys and the witnesses. */
  public List<Ed25519PublicKey> burnKeys() {
    List<Ed25519PublicKey> out = new ArrayList<>();
    logKeys.forEach(k -> out.add(k.publicKey()));
    witnesses.stakes().keySet().forEach(k -> out.add(k.publicKey()));
    return out;
  }

  private static VerifierKey key(String text, String where) throws InvalidCovenantException {
    try {
      return VerifierKey.parse(text);
    } catch (MalformedNoteException e) {
      throw new InvalidCovenantException(where + ": " + e.getMessage());
    }
  }
}
