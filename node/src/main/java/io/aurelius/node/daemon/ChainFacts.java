package io.aurelius.node.daemon;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.Chain;
import io.aurelius.core.metrics.MetricsRegistry;
import io.aurelius.core.ops.NodeStatus;
import java.util.function.UnaryOperator;

/**
 * The chain as a node sees it, on its dashboard ({@code chain_height}) and in its metrics ({@code
 * aurelius_chain_height}). A chain that cannot be asked shows as a problem, not a crash: the node
 * is up but cannot follow the chain.
 */
public final class ChainFacts {
  private ChainFacts() {}

  /** Registers the height gauge and returns the status decoration. */
  public static UnaryOperator<NodeStatus> of(Chain chain, MetricsRegistry registry) {
    requireNonNull(chain, "chain");
    requireNonNull(registry, "registry");
    registry.gauge(
        "aurelius_chain_height",
        "The newest final block of the chain this node follows.",
        () -> height(chain));
    return status -> {
      try {
        return status.with("chain_height", chain.currentBlock());
      } catch (RuntimeException e) {
        return status.withProblem("chain unreachable: " + e.getMessage());
      }
    };
  }

  private static double height(Chain chain) {
    try {
      return chain.currentBlock();
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }
}
