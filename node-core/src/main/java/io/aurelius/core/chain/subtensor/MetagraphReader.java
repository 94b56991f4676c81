package io.aurelius.core.chain.subtensor;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.ChainUnavailableException;
import io.aurelius.core.chain.Endpoint;
import io.aurelius.core.chain.substrate.metadata.PortableType;
import io.aurelius.core.chain.substrate.metadata.RuntimeApi;
import io.aurelius.core.chain.substrate.metadata.RuntimeMetadata;
import io.aurelius.core.chain.substrate.metadata.TypeDef;
import io.aurelius.core.chain.substrate.runtime.BlockRef;
import io.aurelius.core.chain.substrate.runtime.SubstrateRuntime;
import io.aurelius.core.chain.substrate.value.Value;
import io.aurelius.core.identity.KeyId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Reads a subnet's metagraph at a block through two runtime-API calls, as the Bittensor SDK does:
 * {@code SubnetInfoRuntimeApi_get_selective_mechagraph} asking for every field its metadata
 * declares (or {@code get_metagraph} on a runtime without it) for the neurons, stakes and
 * hyperparameters, and {@code NeuronInfoRuntimeApi_get_neurons_lite} for validator trust.
 */
public final class MetagraphReader {
  static final String SUBNET_API = "SubnetInfoRuntimeApi";
  static final String NEURON_API = "NeuronInfoRuntimeApi";
  private static final int MAIN_MECHANISM = 0;
  private final SubstrateRuntime runtime;
  private final Consumer<String> progress;

  public MetagraphReader(SubstrateRuntime runtime, Consumer<String> progress) {
    this.runtime = requireNonNull(runtime, "runtime");
    this.progress = requireNonNull(progress, "progress");
  }

  public SubnetMetagraph read(int netuid, BlockRef block) {
    RuntimeMetadata md = runtime.metadata(block);
    Value graph;
    String call;
    if (md.runtimeApiMethod(SUBNET_API, "get_selective_mechagraph").isPresent()) {
      call = SUBNET_API + "_get_selective_mechagraph";
      progress.accept(
          "reading the metagraph of netuid " + netuid + " at " + block + " (" + call + ")");
      graph =
          runtime.call(
              block,
              SUBNET_API,
              "get_selective_mechagraph",
              Value.of(netuid),
              Value.of(MAIN_MECHANISM),
              new Value.Sequence(
                  IntStream.range(0, fieldCount(md, SUBNET_API, "get_selective_mechagraph"))
                      .mapToObj(i -> Value.of(i))
                      .toList()));
    } else {
      call = SUBNET_API + "_get_metagraph";
      progress.accept(
          "reading the metagraph of netuid " + netuid + " at " + block + " (" + call + ")");
      graph = runtime.call(block, SUBNET_API, "get_metagraph", Value.of(netuid));
    }
    if (Fields.some(graph).isEmpty()) {
      throw new ChainUnavailableException(
          "netuid " + netuid + ": no such subnet at " + block + " (" + call + " answered none)");
    }
    Fields g = new Fields(call, graph);
    List<LiteNeuron> lite = neuronsLite(netuid, block);
    SubnetMetagraph m = build(netuid, block, g, lite);
    progress.accept(
        "netuid "
            + netuid
            + " at block "
            + m.block()
            + ": "
            + m.size()
            + " neurons, tempo "
            + m.hyperparameters().tempo()
            + ", next epoch at block "
            + m.nextEpochBlock());
    return m;
  }

  /** How many fields the struct inside the method's {@code Option} result has. */
  private static int fieldCount(RuntimeMetadata md, String api, String method) {
    RuntimeApi.Method m = SubstrateRuntime.runtimeApiMethod(md, api, method);
    PortableType t = md.types().get(m.output());
    if (t.def() instanceof TypeDef.VariantDef option && option.byName("Some").isPresent()) {
      t = md.types().get(option.byName("Some").get().fields().get(0).type());
    }
    if (t.def() instanceof TypeDef.Composite c) {
      return c.fields().size();
    }
    throw new ChainUnavailableException(
        "runtime API "
            + api
            + "_"
            + method
            + ": result type "
            + t.name()
            + " (expected: a struct)");
  }

  /** What get_neurons_lite adds: validator trust, and the hotkey to check both calls agree. */
  private record LiteNeuron(KeyId hotkey, double validatorTrust) {}

  private List<LiteNeuron> neuronsLite(int netuid, BlockRef block) {
    progress.accept(
        "reading validator trust of netuid " + netuid + " (" + NEURON_API + "_get_neurons_lite)");
    Value lite = runtime.call(block, NEURON_API, "get_neurons_lite", Value.of(netuid));
    if (!(lite instanceof Value.Sequence s)) {
      throw new ChainUnavailableException(NEURON_API + "_get_neurons_lite: not a sequence");
    }
    List<LiteNeuron> out = new ArrayList<>();
    for (Value n : s.items()) {
      Fields f = new Fields(NEURON_API + "_get_neurons_lite", n);
      int uid = (int) f.number("uid");
      if (uid != out.size()) {
        throw new ChainUnavailableException(
            NEURON_API
                + "_get_neurons_lite: uid "
                + uid
                + " at position "
                + out.size()
                + " (expected: UID order)");
      }
      out.add(
          new LiteNeuron(
              f.account("hotkey", f.get("hotkey")),
              Units.u16Fraction(f.number("validator_trust"))));
    }
    return out;
  }

  private static SubnetMetagraph build(
      int netuid, BlockRef block, Fields g, List<LiteNeuron> lite) {
    long atBlock = g.optional("block").map(v -> g.number("block", v)).orElse(block.number());
    if (atBlock != block.number()) {
      throw new ChainUnavailableException(
          "metagraph of netuid "
              + netuid
              + ": block "
              + atBlock
              + " (expected: "
              + block.number()
              + ")");
    }
    SubnetHyperparameters hp =
        new SubnetHyperparameters(
            (int) g.number("tempo"),
            g.number("weights_rate_limit"),
            g.bool("commit_reveal_weights_enabled"),
            g.number("commit_reveal_period"),
            (int) g.number("max_weights_limit"),
            (int) g.number("min_allowed_weights"),
            (int) g.number("immunity_period"));
    List<Value> hotkeys = g.list("hotkeys");
    int n = hotkeys.size();
    if (lite.size() != n) {
      throw new ChainUnavailableException(
          "netuid "
              + netuid
              + ": "
              + lite.size()
              + " neurons from get_neurons_lite (expected: "
              + n
              + " as the metagraph)");
    }
    Columns c = new Columns(g, n);
    List<SubnetNeuron> neurons = new ArrayList<>(n);
    for (int uid = 0; uid < n; uid++) {
      KeyId hotkey = g.account("hotkeys", hotkeys.get(uid));
      if (!hotkey.equals(lite.get(uid).hotkey())) {
        throw new ChainUnavailableException(
            "netuid "
                + netuid
                + " uid "
                + uid
                + ": hotkey "
                + hotkey
                + " in the metagraph but "
                + lite.get(uid).hotkey()
                + " in get_neurons_lite (expected: the same block's state)");
      }
      Value axon = c.at("axons", uid);
      neurons.add(
          new SubnetNeuron(
              uid,
              hotkey,
              g.account("coldkeys", c.at("coldkeys", uid)),
              g.bool("active", c.at("active", uid)),
              g.bool("validator_permit", c.at("validator_permit", uid)),
              c.number("last_update", uid),
              c.number("block_at_registration", uid),
              Units.u16Fraction(c.number("rank", uid)),
              Units.u16Fraction(c.number("trust", uid)),
              lite.get(uid).validatorTrust(),
              Units.u16Fraction(c.number("consensus", uid)),
              Units.u16Fraction(c.number("incentives", uid)),
              Units.u16Fraction(c.number("dividends", uid)),
              Units.u16Fraction(c.number("pruning_score", uid)),
              c.number("emission", uid),
              c.number("alpha_stake", uid),
              c.number("tao_stake", uid),
              c.number("total_stake", uid),
              axon == null ? Endpoint.NONE : g.axon("axons[" + uid + "]", axon)));
    }
    return new SubnetMetagraph(
        netuid,
        block.number(),
        block.hash(),
        g.text("name"),
        g.text("symbol"),
        g.account("owner_hotkey", g.get("owner_hotkey")),
        hp,
        g.number("last_step"),
        nextEpochBlock(netuid, hp.tempo(), block.number()),
        neurons);
  }

  /**
   * The block Subtensor runs the subnet's next epoch at: the first block {@code b >= block} with
   * {@code (b + netuid + 1) % (tempo + 1) == 0} (its {@code blocks_until_next_epoch}).
   */
  static long nextEpochBlock(int netuid, int tempo, long block) {
    if (tempo == 0) {
      return Long.MAX_VALUE;
    }
    long remainder = (block + netuid + 1) % (tempo + 1);
    return block + tempo - remainder;
  }

  /** The per-UID vectors of the metagraph, each as long as the hotkeys. */
  private record Columns(Fields g, int n) {
    Value at(String name, int uid) {
      List<Value> column = g.list(name);
      if (column.size() != n) {
        throw new ChainUnavailableException(
            "metagraph: "
                + name
                + " has "
                + column.size()
                + " entries (expected: "
                + n
                + ", one per hotkey)");
      }
      return column.get(uid);
    }

    long number(String name, int uid) {
      return g.number(name + "[" + uid + "]", at(name, uid));
    }
  }
}
