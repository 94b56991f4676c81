package io.aurelius.node.daemon;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.Chain;
import io.aurelius.core.chain.Metagraph;
import io.aurelius.core.chain.NeuronInfo;
import io.aurelius.core.metrics.MetricsRegistry;
import io.aurelius.core.ops.NodeStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;

/**
 * The chain as a node sees it, on its dashboard ({@code chain_height}) and in its metrics: {@code
 * aurelius_chain_height} and, per UID of the metagraph, {@code aurelius_neuron_stake}, {@code
 * _validator_trust}, {@code _consensus}, {@code _incentive}, {@code _dividends} and {@code
 * _emission} (labels {@code uid}, {@code role}). A chain that cannot be asked shows as a problem,
 * not a crash: the node is up but cannot follow the chain.
 */
public final class ChainFacts {
  /** A scrape reads the metagraph at most this often, whatever the number of families. */
  static final Duration METAGRAPH_MAX_AGE = Duration.ofSeconds(5);

  private ChainFacts() {}

  /** Registers the chain's gauges and returns the status decoration. */
  public static UnaryOperator<NodeStatus> of(Chain chain, MetricsRegistry registry) {
    requireNonNull(chain, "chain");
    requireNonNull(registry, "registry");
    registry.gauge(
        "aurelius_chain_height",
        "The newest final block of the chain this node follows.",
        () -> height(chain));
    RecentMetagraph recent = new RecentMetagraph(chain);
    neuron(registry, recent, "stake", "Stake of each UID, an integer amount.", n -> n.stake());
    neuron(
        registry,
        recent,
        "validator_trust",
        "Validator trust (Tv) of each UID from the chain's last Yuma epoch.",
        NeuronInfo::validatorTrust);
    neuron(
        registry,
        recent,
        "consensus",
        "Consensus (C) of each UID from the chain's last Yuma epoch.",
        NeuronInfo::consensus);
    neuron(
        registry,
        recent,
        "incentive",
        "Incentive (I) of each UID from the chain's last Yuma epoch.",
        NeuronInfo::incentive);
    neuron(
        registry,
        recent,
        "dividends",
        "Dividends (D) of each UID from the chain's last Yuma epoch.",
        NeuronInfo::dividends);
    neuron(
        registry,
        recent,
        "emission",
        "Emission of each UID in the chain's last Yuma epoch.",
        n -> n.emission());
    return status -> {
      try {
        return status.with("chain_height", chain.currentBlock());
      } catch (RuntimeException e) {
        return status.withProblem("chain unreachable: " + e.getMessage());
      }
    };
  }

  private static void neuron(
      MetricsRegistry registry,
      RecentMetagraph recent,
      String quantity,
      String help,
      ToDoubleFunction<NeuronInfo> value) {
    registry.gauges(
        "aurelius_neuron_" + quantity,
        help,
        () -> {
          Map<List<String>, Double> out = new LinkedHashMap<>();
          recent
              .get()
              .ifPresent(
                  graph ->
                      graph
                          .neurons()
                          .forEach(
                              n ->
                                  out.put(
                                      List.of(
                                          Integer.toString(n.uid()),
                                          n.role().name().toLowerCase(Locale.ROOT)),
                                      value.applyAsDouble(n))));
          return out;
        },
        "uid",
        "role");
  }

  private static double height(Chain chain) {
    try {
      return chain.currentBlock();
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  /**
   * The metagraph, read again only when the last read is older than the maximum age; none while the
   * chain cannot be asked (no stale values).
   */
  private static final class RecentMetagraph {
    private final Chain chain;
    private Metagraph graph;
    private long readAt;

    RecentMetagraph(Chain chain) {
      this.chain = chain;
    }

    synchronized Optional<Metagraph> get() {
      long now = System.nanoTime();
      if (graph == null || now - readAt > METAGRAPH_MAX_AGE.toNanos()) {
        try {
          graph = chain.metagraph();
          readAt = now;
        } catch (RuntimeException e) {
          graph = null;
          return Optional.empty();
        }
      }
      return Optional.of(graph);
    }
  }
}
