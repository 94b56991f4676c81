package io.aurelius.core.chain.substrate.tx;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.Endpoint;
import io.aurelius.core.chain.Weights;
import io.aurelius.core.chain.substrate.value.Value;
import io.aurelius.core.identity.KeyId;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Subtensor calls the node makes, encoded from the runtime metadata by name: {@code
 * SubtensorModule.burned_register}, {@code serve_axon}, {@code set_weights}, {@code
 * set_mechanism_weights}, {@code commit_weights}, {@code reveal_weights}, {@code add_stake}, {@code
 * remove_stake} and {@code Balances.transfer_keep_alive}. Amounts are in rao (1 TAO = 10^9 rao).
 */
public final class SubtensorCalls {
  static final String SUBTENSOR = "SubtensorModule";

  /** Subtensor's axon protocol number the Bittensor SDK serves with (4). */
  public static final int AXON_PROTOCOL = 4;

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private final CallEncoder calls;

  public SubtensorCalls(CallEncoder calls) {
    this.calls = requireNonNull(calls, "calls");
  }

  public CallEncoder encoder() {
    return calls;
  }

  public RuntimeCall burnedRegister(int netuid, KeyId hotkey) {
    return subtensor("burned_register", args("netuid", u16(netuid), "hotkey", account(hotkey)));
  }

  /**
   * Serves an axon at an IP literal (Subtensor stores an IP, not a host name) and port; {@code
   * version} is the software version the SDK reports as an integer.
   */
  public RuntimeCall serveAxon(int netuid, Endpoint endpoint, long version) {
    requireNonNull(endpoint, "endpoint");
    Ip ip = Ip.of(endpoint.host());
    Map<String, Value> args = new LinkedHashMap<>();
    args.put("netuid", u16(netuid));
    args.put("version", Value.of(version));
    args.put("ip", new Value.Int(ip.value()));
    args.put("port", Value.of(endpoint.port()));
    args.put("ip_type", Value.of(ip.type()));
    args.put("protocol", Value.of(AXON_PROTOCOL));
    args.put("placeholder1", Value.of(0));
    args.put("placeholder2", Value.of(0));
    return subtensor("serve_axon", args);
  }

  public RuntimeCall setWeights(int netuid, Weights weights, long versionKey) {
    return subtensor(
        "set_weights",
        args(
            "netuid",
            u16(netuid),
            "dests",
            u16s(weights.uids()),
            "weights",
            u16s(weights.values()),
            "version_key",
            Value.of(versionKey)));
  }

  /** Weights of one mechanism (sub-subnet) of a subnet; only on runtimes that have the call. */
  public RuntimeCall setMechanismWeights(
      int netuid, int mechanism, Weights weights, long versionKey) {
    Map<String, Value> args = new LinkedHashMap<>();
    args.put("netuid", u16(netuid));
    args.put("mecid", Value.of(mechanism));
    args.put("dests", u16s(weights.uids()));
    args.put("weights", u16s(weights.values()));
    args.put("version_key", Value.of(versionKey));
    return subtensor("set_mechanism_weights", args);
  }

  public RuntimeCall commitWeights(int netuid, byte[] commitHash) {
    if (commitHash.length != 32) {
      throw new IllegalArgumentException(
          "commit hash: " + commitHash.length + " bytes (expected: 32)");
    }
    return subtensor(
        "commit_weights", args("netuid", u16(netuid), "commit_hash", Value.bytes(commitHash)));
  }

  public RuntimeCall revealWeights(
      int netuid, Weights weights, List<Integer> salt, long versionKey) {
    Map<String, Value> args = new LinkedHashMap<>();
    args.put("netuid", u16(netuid));
    args.put("uids", u16s(weights.uids()));
    args.put("values", u16s(weights.values()));
    args.put("salt", u16s(salt));
    args.put("version_key", Value.of(versionKey));
    return subtensor("reveal_weights", args);
  }

  public RuntimeCall addStake(KeyId hotkey, int netuid, long rao) {
    return subtensor(
        "add_stake",
        args("hotkey", account(hotkey), "netuid", u16(netuid), "amount_staked", amount(rao)));
  }

  public RuntimeCall removeStake(KeyId hotkey, int netuid, long rao) {
    return subtensor(
        "remove_stake",
        args("hotkey", account(hotkey), "netuid", u16(netuid), "amount_unstaked", amount(rao)));
  }

  public RuntimeCall transferKeepAlive(KeyId to, long rao) {
    Value dest =
        new Value.Variant(
            "Id", 0, List.of(new Value.NamedValue(java.util.Optional.empty(), account(to))));
    return calls.encode(
        "Balances", "transfer_keep_alive", args("dest", dest, "value", amount(rao)));
  }

  private RuntimeCall subtensor(String call, Map<String, Value> args) {
    return calls.encode(SUBTENSOR, call, args);
  }

  private static Map<String, Value> args(Object... pairs) {
    Map<String, Value> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put((String) pairs[i], (Value) pairs[i + 1]);
    }
    return out;
  }

  private static Value u16(int netuid) {
    if (netuid < 0 || netuid > 65535) {
      throw new IllegalArgumentException("netuid: " + netuid + " (expected: 0..65535)");
    }
    return Value.of(netuid);
  }

  private static Value amount(long rao) {
    if (rao <= 0) {
      throw new IllegalArgumentException("amount: " + rao + " rao (expected: > 0)");
    }
    return Value.of(rao);
  }

  private static Value account(KeyId key) {
    return Value.bytes(requireNonNull(key, "key").accountBytes());
  }

  private static Value u16s(List<Integer> values) {
    return new Value.Sequence(values.stream().map(v -> Value.of(v)).toList());
  }

  /** An IP literal as Subtensor stores it: a u128 and its version, 4 or 6. */
  record Ip(BigInteger value, int type) {
    static Ip of(String host) {
      boolean v6 = host.indexOf(':') >= 0;
      if (!v6 && !IPV4.matcher(host).matches()) {
        throw new IllegalArgumentException(
            "axon host '" + host + "' (expected: an IPv4 or IPv6 literal; Subtensor stores an IP)");
      }
      try {
        // A literal is parsed, never resolved.
        byte[] raw = InetAddress.getByName(host).getAddress();
        return new Ip(new BigInteger(1, raw), raw.length == 4 ? 4 : 6);
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException(
            "axon host '" + host + "' (expected: an IPv4 or IPv6 literal)", e);
      }
    }
  }
}
