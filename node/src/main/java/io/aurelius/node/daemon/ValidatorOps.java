package io.aurelius.node.daemon;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.Chain;
import io.aurelius.core.metrics.MetricsRegistry;
import io.aurelius.core.ops.NodeStatus;
import io.aurelius.core.ops.OpsRoutes;
import io.aurelius.core.service.Service;
import io.aurelius.core.transport.ServerSpec;
import io.aurelius.core.transport.netty.NettyTransport;
import io.aurelius.node.console.NodeConsole;
import io.aurelius.validator.epoch.EpochListener;
import io.aurelius.validator.service.ValidatorService;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * A validator's operator surface, shared by {@code aurelius validator run} and the devnet: {@code
 * /healthz}, {@code /metrics} (the service's own families, the chain's height and metagraph, the
 * JVM) and the web console (its API and front end, {@link NodeConsole}), mounted through the
 * service's server hook, with the epoch facts fed by its listener.
 *
 * <pre>{@code
 * ValidatorOps ops = new ValidatorOps(chain, settings.models(), new MetricsRegistry());
 * ValidatorService v = ops.attach(ValidatorService.builder(settings, key).chain(chain), extraListener);
 * }</pre>
 */
public final class ValidatorOps {
  private final MetricsRegistry registry;
  private final EpochMetrics metrics;
  private final UnaryOperator<NodeStatus> facts;
  private final AtomicReference<ValidatorService> service = new AtomicReference<>();
  private final NodeConsole.Validator console;

  public ValidatorOps(Chain chain, List<String> models, MetricsRegistry registry) {
    this.registry = requireNonNull(registry, "registry");
    this.metrics = new EpochMetrics();
    UnaryOperator<NodeStatus> epochFacts = metrics.facts(requireNonNull(models, "models"));
    UnaryOperator<NodeStatus> chainFacts = ChainFacts.of(requireNonNull(chain, "chain"), registry);
    this.facts = s -> chainFacts.apply(epochFacts.apply(s));
    this.console = NodeConsole.validator(service::get, chain, this::status);
  }

  /**
   * Mounts the routes and the listeners on {@code builder}, builds the service and remembers it.
   */
  public ValidatorService attach(ValidatorService.Builder builder, EpochListener extra) {
    requireNonNull(builder, "builder");
    requireNonNull(extra, "extra");
    ValidatorService built =
        builder
            .transport(NettyTransport.INSTANCE)
            .server(this::mount)
            .metrics(registry)
            .listener(EpochListener.both(EpochListener.both(metrics, console.recorder()), extra))
            .build();
    service.set(built);
    return built;
  }

  public MetricsRegistry registry() {
    return registry;
  }

  private void mount(ServerSpec.Builder spec) {
    OpsRoutes.addTo(spec, this::status, registry, console.console());
  }

  private NodeStatus status() {
    ValidatorService s = service.get();
    Service.State state = s == null ? Service.State.STARTING : s.state();
    String hotkey = Optional.ofNullable(s).map(v -> v.hotkey().address()).orElse("");
    return facts.apply(NodeStatus.of("validator", hotkey, state));
  }
}
