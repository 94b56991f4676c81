package io.aurelius.miner.service;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.CompiledConfig;
import io.aurelius.config.submission.SubmissionQuery;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.githttp.GitHttpService;
import io.aurelius.core.githttp.GitMount;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.metrics.MetricsRegistry;
import io.aurelius.core.ops.Console;
import io.aurelius.core.ops.NodeStatus;
import io.aurelius.core.ops.OpsRoutes;
import io.aurelius.core.protocol.PeerDirectory;
import io.aurelius.core.service.AbstractService;
import io.aurelius.core.transport.ProtocolServer;
import io.aurelius.core.transport.RouteHandler;
import io.aurelius.core.transport.ServerSpec;
import io.aurelius.miner.intake.Intake;
import io.aurelius.miner.library.ConfigLibrary;
import io.aurelius.miner.modules.MinerModules;
import io.aurelius.miner.sn37.ScenarioConfigHandler;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The miner node. On start it opens the library (creating it if needed), binds the HTTP server,
 * serves {@code POST /v1/miner/query} to the validators the peer directory admits, {@code
 * /git/configs.git} read-only, {@code /healthz} and {@code /metrics}, then announces its endpoint.
 * On stop it closes the server (draining briefly) and the library.
 *
 * <pre>{@code
 * MinerService miner = MinerService.builder(settings, hotkey)
 *     .directory(metagraphDirectory)
 *     .servers(NettyProtocolServer::start)
 *     .announcer(bound -> chain.serveEndpoint(hotkey, ...))
 *     .build();
 * controller.add(miner).start();
 * int port = miner.address().getPort();
 * }</pre>
 */
public final class MinerService extends AbstractService {
  /** The signed route validators call. */
  public static final String QUERY_ROUTE = QueryHandler.ROUTE;

  /** The signed route validators ask for a world-model module. */
  public static final String MODULE_ROUTE = ModuleHandler.ROUTE;

  private final MinerSettings settings;
  private final Signer hotkey;
  private final PeerDirectory directory;
  private final ServerFactory servers;
  private final EndpointAnnouncer announcer;
  private final MetricsRegistry registry;
  private final Clock clock;
  private final UnaryOperator<NodeStatus> statusFacts;
  private final Console console;
  private final Handouts handouts = new Handouts();

  private volatile ConfigLibrary library;
  private volatile ServedLibrary served;
  private volatile ProtocolServer server;

  private MinerService(Builder b) {
    this.settings = b.settings;
    this.hotkey = b.hotkey;
    this.directory = requireNonNull(b.directory, "directory (call builder.directory)");
    this.servers = requireNonNull(b.servers, "servers (call builder.servers)");
    this.announcer = b.announcer;
    this.registry = b.registry;
    this.clock = b.clock;
    this.statusFacts = b.statusFacts;
    this.console = b.console;
  }

  public static Builder builder(MinerSettings settings, Signer hotkey) {
    return new Builder(requireNonNull(settings, "settings"), requireNonNull(hotkey, "hotkey"));
  }

  @Override
  public String name() {
    return "miner";
  }

  public KeyId hotkey() {
    return KeyId.of(hotkey.publicKey());
  }

  /**
   * The handler of SN37's route ({@link ScenarioConfigHandler#ROUTE}, {@code POST
   * /aurelius/v1/scenario_config}; requests up to {@link ScenarioConfigHandler#MAX_REQUEST_BYTES}):
   * the served configurations that export to schema_v1, stamped with work tokens signed by this
   * miner's hotkey, served beside the node's own query route under the same btauth/1 authentication
   * (docs/protocol.md, "SN37 scenario_config"). It serves nothing until the miner has started.
   */
  public RouteHandler scenarioConfigHandler() {
    String version =
        Optional.ofNullable(MinerService.class.getPackage().getImplementationVersion())
            .orElse("unknown");
    return new ScenarioConfigHandler(
        this::servedConfigs, hotkey, clock, new SecureRandom(), "aurelius-java/" + version);
  }

  private List<CompiledConfig> servedConfigs() {
    ServedLibrary now = served;
    if (now == null) {
      return List.of();
    }
    return now.current().servable().stream().map(ServedLibrary.Servable::config).toList();
  }

  /**
   * The world-model modules this miner submits: {@code *.json} module documents in a {@code
   * modules} directory beside the library ({@code <home>/miner/modules}), read at each query.
   */
  public Path modulesDirectory() {
    return settings.library().resolveSibling("modules");
  }

  /** The bound address, once started. */
  public InetSocketAddress address() {
    ProtocolServer running = server;
    if (running == null) {
      throw new IllegalStateException("miner: not started");
    }
    return running.address();
  }

  @Override
  protected void doStart() throws Exception {
    library = ConfigLibrary.open(settings.library());
    served =
        new ServedLibrary(
            library,
            new Intake(settings.intake(), new MinerModules(modulesDirectory())::known),
            hotkey);
    ServedLibrary.State state = served.current();
    MinerMetrics metrics =
        new MinerMetrics(
            registry, () -> served.last().servable().size(), () -> served.last().refused().size());
    GitMount git =
        new GitMount(new GitHttpService(Map.of(ConfigLibrary.SERVED_NAME, library.directory())));
    ServerSpec spec =
        OpsRoutes.addTo(ServerSpec.builder(hotkey, directory), this::status, registry, console)
            .bind(settings.bind())
            .limits(settings.limits())
            .name("miner")
            .route(
                QUERY_ROUTE,
                SubmissionQuery.MAX_WIRE_BYTES,
                new QueryHandler(served, hotkey(), metrics, clock, handouts))
            .route(
                MODULE_ROUTE,
                SubmissionQuery.MAX_WIRE_BYTES,
                new ModuleHandler(modulesDirectory(), hotkey, clock))
            .route(
                ScenarioConfigHandler.ROUTE,
                ScenarioConfigHandler.MAX_REQUEST_BYTES,
                scenarioConfigHandler())
            .bulk(GitMount.PREFIX, Set.of("GET", "POST"), git.maxRequestBytes(), git)
            .build();
    try {
      server = servers.start(spec);
      if (announcer != EndpointAnnouncer.NONE) {
        announcer.announce(server.address());
        MinerStatus.announced(server.address());
      }
    } catch (Exception | Error e) {
      closeQuietly();
      throw e;
    }
    MinerStatus.serving(
        hotkey(), server.address(), state.servable().size(), state.refused().size());
  }

  /** The library as served now; empty until the miner has started. */
  public Optional<MinerView.Library> library() {
    ServedLibrary current = served;
    if (current == null) {
      return Optional.empty();
    }
    ServedLibrary.State now = current.current();
    return Optional.of(
        new MinerView.Library(
            now.tip(),
            now.servable().stream()
                .map(s -> new MinerView.Served(s.id().hex(), s.name(), s.signedBytes()))
                .toList(),
            now.refused().entrySet().stream()
                .collect(
                    java.util.stream.Collectors.toMap(
                        e -> e.getKey().hex(), Map.Entry::getValue))));
  }

  /** The configurations validators took lately, newest first (at most 256, memory only). */
  public List<MinerView.Handout> handouts() {
    return handouts.recent();
  }

  /** What {@code /healthz}, {@code /status.json} and the dashboard show. */
  public NodeStatus status() {
    NodeStatus base = NodeStatus.of("miner", hotkey().address(), state());
    ServedLibrary current = served;
    if (current != null && state() == State.RUNNING) {
      try {
        ServedLibrary.State now = current.current();
        base =
            base.with("configurations_served", now.servable().size())
                .with("configurations_refused", now.refused().size());
      } catch (RuntimeException e) {
        base = base.withProblem("library unreadable: " + e.getMessage());
      }
    }
    return statusFacts.apply(base);
  }

  @Override
  protected void doStop() {
    closeQuietly();
    MinerStatus.stopped(hotkey());
  }

  private void closeQuietly() {
    Optional.ofNullable(server).ifPresent(ProtocolServer::close);
    Optional.ofNullable(library).ifPresent(ConfigLibrary::close);
  }

  /** Collects the miner's collaborators; only the directory and server factory are required. */
  public static final class Builder {
    private final MinerSettings settings;
    private final Signer hotkey;
    private PeerDirectory directory;
    private ServerFactory servers;
    private EndpointAnnouncer announcer = EndpointAnnouncer.NONE;
    private MetricsRegistry registry = new MetricsRegistry();
    private Clock clock = Clock.systemUTC();
    private UnaryOperator<NodeStatus> statusFacts = UnaryOperator.identity();
    private Console console = Console.NONE;

    private Builder(MinerSettings settings, Signer hotkey) {
      this.settings = settings;
      this.hotkey = hotkey;
    }

    /** Who may query: registered validators (the chain's metagraph in a node). */
    public Builder directory(PeerDirectory directory) {
      this.directory = requireNonNull(directory, "directory");
      return this;
    }

    public Builder servers(ServerFactory servers) {
      this.servers = requireNonNull(servers, "servers");
      return this;
    }

    public Builder announcer(EndpointAnnouncer announcer) {
      this.announcer = requireNonNull(announcer, "announcer");
      return this;
    }

    public Builder metrics(MetricsRegistry registry) {
      this.registry = requireNonNull(registry, "registry");
      return this;
    }

    /** Adds node-level facts (chain height, models) to the miner's status. */
    public Builder statusFacts(UnaryOperator<NodeStatus> statusFacts) {
      this.statusFacts = requireNonNull(statusFacts, "statusFacts");
      return this;
    }

    /** The web console's API and front end, served beside the operator routes. */
    public Builder console(Console console) {
      this.console = requireNonNull(console, "console");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    public MinerService build() {
      return new MinerService(this);
    }
  }
}
