package io.aurelius.core.chain.dev;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.chain.Endpoint;
import io.aurelius.core.chain.Role;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.CanonicalJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a genesis document (parsed from JSON or YAML into a tree) and writes its canonical form.
 * Keys are kebab-case; every hyperparameter is optional and defaults per {@link
 * SubnetParams#defaults}; unknown keys are refused. The written form spells out every key, so the
 * chain id does not depend on which defaults a node's version has.
 *
 * <pre>
 * netuid: 37
 * tempo: 10
 * block-interval-ms: 1000
 * authority: 5F…            # optional: the block-signing key (else the data dir's own)
 * owner-hotkey: 5F…         # optional: the subnet owner, paid owner-cut of each epoch
 * accounts:
 *   - {coldkey: 5F…, balance: 1000000000000}
 * neurons:
 *   - {hotkey: 5F…, coldkey: 5F…, role: validator, endpoint: "127.0.0.1:8091", stake: 1000}
 *   - {hotkey: 5G…, scheme: sr25519, coldkey: 5F…, role: miner}   # scheme: default ed25519
 * </pre>
 */
public final class GenesisCodec {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final int MAX_ENTRIES = 10_000;
  private static final Set<String> PARAM_KEYS =
      Set.of(
          "netuid",
          "tempo",
          "block-interval-ms",
          "immunity-period",
          "max-uids",
          "max-validators",
          "min-non-immune-uids",
          "kappa",
          "bonds-penalty",
          "bonds-moving-average",
          "activity-cutoff",
          "stake-threshold",
          "weights-rate-limit",
          "weights-version-key",
          "min-allowed-weights",
          "max-weights-limit",
          "commit-reveal-enabled",
          "reveal-period-epochs",
          "weights-min-stake",
          "registration-burn",
          "max-registrations-per-block",
          "emission-per-epoch",
          "owner-cut");
  private static final Set<String> OTHER_KEYS =
      Set.of("authority", "owner-hotkey", "accounts", "neurons");

  private GenesisCodec() {}

  /** The chain id: hex SHA-256 of the canonical genesis. */
  public static String chainId(Genesis genesis) {
    return ContentId.of(canonicalBytes(genesis)).hex();
  }

  public static byte[] canonicalBytes(Genesis genesis) {
    return CanonicalJson.bytes(toTree(genesis));
  }

  public static ObjectNode toTree(Genesis g) {
    requireNonNull(g, "g");
    SubnetParams p = g.params();
    ObjectNode o = F.objectNode();
    o.put("netuid", p.netuid());
    o.put("tempo", p.tempo());
    o.put("block-interval-ms", p.blockIntervalMillis());
    o.put("immunity-period", p.immunityPeriod());
    o.put("max-uids", p.maxUids());
    o.put("max-validators", p.maxValidators());
    o.put("min-non-immune-uids", p.minNonImmuneUids());
    o.put("kappa", p.kappa());
    o.put("bonds-penalty", p.bondsPenalty());
    o.put("bonds-moving-average", p.bondsMovingAverage());
    o.put("activity-cutoff", p.activityCutoff());
    o.put("stake-threshold", p.stakeThreshold());
    o.put("weights-rate-limit", p.weightsRateLimit());
    o.put("weights-version-key", p.weightsVersionKey());
    o.put("min-allowed-weights", p.minAllowedWeights());
    o.put("max-weights-limit", p.maxWeightsLimit());
    o.put("commit-reveal-enabled", p.commitRevealEnabled());
    o.put("reveal-period-epochs", p.revealPeriodEpochs());
    o.put("weights-min-stake", p.weightsMinStake());
    o.put("registration-burn", p.registrationBurn());
    o.put("max-registrations-per-block", p.maxRegistrationsPerBlock());
    o.put("emission-per-epoch", p.emissionPerEpoch());
    o.put("owner-cut", p.ownerCut());
    g.authority().ifPresent(k -> o.put("authority", k.address()));
    g.ownerHotkey().ifPresent(k -> o.put("owner-hotkey", k.address()));
    ArrayNode accounts = o.putArray("accounts");
    for (Genesis.Account a : g.accounts()) {
      ObjectNode n = accounts.addObject();
      n.put("coldkey", a.coldkey().address());
      n.put("balance", a.balance());
    }
    ArrayNode neurons = o.putArray("neurons");
    for (Genesis.Neuron nn : g.neurons()) {
      ObjectNode n = neurons.addObject();
      n.put("hotkey", nn.hotkey().address());
      if (nn.scheme() != KeyScheme.ED25519) {
        n.put("scheme", nn.scheme().wireName());
      }
      n.put("coldkey", nn.coldkey().address());
      n.put("role", nn.role().wireName());
      n.put("endpoint", nn.endpoint().toString());
      n.put("stake", nn.stake());
    }
    return o;
  }

  /**
   * Reads a genesis tree; {@code what} names the source (a file) in errors. A bad value is an
   * {@link IllegalArgumentException} whose message is one line: what, key, value, expected.
   */
  public static Genesis fromTree(JsonNode root, String what) {
    requireNonNull(root, "root");
    if (!root.isObject()) {
      throw new IllegalArgumentException(
          what + ": top level is " + kind(root) + " (expected: a mapping of genesis keys)");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!PARAM_KEYS.contains(key) && !OTHER_KEYS.contains(key)) {
        TreeSet<String> known = new TreeSet<>(PARAM_KEYS);
        known.addAll(OTHER_KEYS);
        throw new IllegalArgumentException(
            what
                + ": unknown key '"
                + shorten(key)
                + "' (expected one of: "
                + String.join(", ", known)
                + ")");
      }
    }
    if (!root.has("netuid")) {
      throw new IllegalArgumentException(
          what + ": netuid is missing (expected: the subnet id, 1..65535)");
    }
    int netuid = (int) integer(root, "netuid", what, 0);
    SubnetParams d = SubnetParams.defaults(Math.max(1, Math.min(65535, netuid)));
    SubnetParams params;
    try {
      params =
          new SubnetParams(
              netuid,
              (int) integer(root, "tempo", what, d.tempo()),
              integer(root, "block-interval-ms", what, d.blockIntervalMillis()),
              integer(root, "immunity-period", what, d.immunityPeriod()),
              (int) integer(root, "max-uids", what, d.maxUids()),
              (int) integer(root, "max-validators", what, d.maxValidators()),
              (int) integer(root, "min-non-immune-uids", what, d.minNonImmuneUids()),
              (int) integer(root, "kappa", what, d.kappa()),
              (int) integer(root, "bonds-penalty", what, d.bondsPenalty()),
              integer(root, "bonds-moving-average", what, d.bondsMovingAverage()),
              integer(root, "activity-cutoff", what, d.activityCutoff()),
              integer(root, "stake-threshold", what, d.stakeThreshold()),
              integer(root, "weights-rate-limit", what, d.weightsRateLimit()),
              integer(root, "weights-version-key", what, d.weightsVersionKey()),
              (int) integer(root, "min-allowed-weights", what, d.minAllowedWeights()),
              (int) integer(root, "max-weights-limit", what, d.maxWeightsLimit()),
              bool(root, "commit-reveal-enabled", what, d.commitRevealEnabled()),
              integer(root, "reveal-period-epochs", what, d.revealPeriodEpochs()),
              integer(root, "weights-min-stake", what, d.weightsMinStake()),
              integer(root, "registration-burn", what, d.registrationBurn()),
              (int)
                  integer(root, "max-registrations-per-block", what, d.maxRegistrationsPerBlock()),
              integer(root, "emission-per-epoch", what, d.emissionPerEpoch()),
              (int) integer(root, "owner-cut", what, d.ownerCut()));
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(what + ": ")) {
        throw e;
      }
      throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
    }
    Optional<KeyId> authority = optionalKey(root, "authority", what);
    Optional<KeyId> owner = optionalKey(root, "owner-hotkey", what);
    List<Genesis.Account> accounts = new ArrayList<>();
    for (JsonNode a : list(root, "accounts", what)) {
      String at = "accounts[" + accounts.size() + "]";
      fields(a, at, what, Set.of("coldkey", "balance"), Set.of("coldkey"));
      accounts.add(
          build(
              what + ": " + at,
              () ->
                  new Genesis.Account(
                      key(a, "coldkey", what + ": " + at),
                      integer(a, "balance", what + ": " + at, 0))));
    }
    List<Genesis.Neuron> neurons = new ArrayList<>();
    for (JsonNode n : list(root, "neurons", what)) {
      String at = what + ": neurons[" + neurons.size() + "]";
      fields(
          n,
          "neurons[" + neurons.size() + "]",
          what,
          Set.of("hotkey", "scheme", "coldkey", "role", "endpoint", "stake"),
          Set.of("hotkey", "coldkey", "role"));
      neurons.add(
          build(
              at,
              () ->
                  new Genesis.Neuron(
                      key(n, "hotkey", at),
                      n.has("scheme")
                          ? KeyScheme.fromWireName(text(n, "scheme", at))
                          : KeyScheme.ED25519,
                      key(n, "coldkey", at),
                      Role.parse(text(n, "role", at)),
                      n.has("endpoint") ? Endpoint.parse(text(n, "endpoint", at)) : Endpoint.NONE,
                      integer(n, "stake", at, 0))));
    }
    return build(what, () -> new Genesis(params, authority, owner, accounts, neurons));
  }

  private static <T> T build(String at, java.util.function.Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(at)) {
        throw e;
      }
      throw new IllegalArgumentException(at + ": " + e.getMessage(), e);
    }
  }

  private static void fields(
      JsonNode node, String at, String what, Set<String> allowed, Set<String> required) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(
          what + ": " + at + " is " + kind(node) + " (expected: a mapping)");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        throw new IllegalArgumentException(
            what
                + ": "
                + at
                + ": unknown key '"
                + shorten(key)
                + "' (expected one of: "
                + String.join(", ", new TreeSet<>(allowed))
                + ")");
      }
    }
    for (String key : new TreeSet<>(required)) {
      if (!node.has(key)) {
        throw new IllegalArgumentException(what + ": " + at + ": " + key + " is missing");
      }
    }
  }

  private static List<JsonNode> list(JsonNode root, String key, String what) {
    JsonNode v = root.get(key);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new IllegalArgumentException(
          what + ": " + key + " is " + kind(v) + " (expected: a list)");
    }
    if (v.size() > MAX_ENTRIES) {
      throw new IllegalArgumentException(
          what + ": " + key + ": " + v.size() + " entries (expected: at most " + MAX_ENTRIES + ")");
    }
    List<JsonNode> out = new ArrayList<>();
    v.forEach(out::add);
    return out;
  }

  private static long integer(JsonNode node, String key, String what, long fallback) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new IllegalArgumentException(
          what + ": " + key + ": " + shorten(v.toString()) + " (expected: a whole number)");
    }
    return v.longValue();
  }

  private static boolean bool(JsonNode node, String key, String what, boolean fallback) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isBoolean()) {
      throw new IllegalArgumentException(
          what + ": " + key + ": " + shorten(v.toString()) + " (expected: true or false)");
    }
    return v.booleanValue();
  }

  private static String text(JsonNode node, String key, String what) {
    JsonNode v = node.get(key);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException(
          what
              + ": "
              + key
              + ": "
              + (v == null ? "missing" : shorten(v.toString()))
              + " (expected: a string)");
    }
    return v.textValue();
  }

  private static KeyId key(JsonNode node, String key, String what) {
    String text = text(node, key, what);
    try {
      return KeyId.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + ": " + key + ": " + e.getMessage(), e);
    }
  }

  private static Optional<KeyId> optionalKey(JsonNode node, String key, String what) {
    JsonNode v = node.get(key);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(key(node, key, what));
  }

  private static String kind(JsonNode node) {
    return node.getNodeType().toString().toLowerCase(Locale.ROOT);
  }

  private static String shorten(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
