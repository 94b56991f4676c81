package io.aurelius.node.devnet;

import static java.util.Objects.requireNonNull;

import io.aurelius.anchoring.note.NoteSigner;
import io.aurelius.anchoring.ots.CalendarClient;
import io.aurelius.anchoring.ots.Stamper;
import io.aurelius.anchoring.stamping.CheckpointStamper;
import io.aurelius.core.chain.Chain;
import io.aurelius.core.chain.Endpoint;
import io.aurelius.core.chain.Receipt;
import io.aurelius.core.chain.Role;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.metrics.MetricsRegistry;
import io.aurelius.core.service.Service;
import io.aurelius.core.transport.ClientLimits;
import io.aurelius.core.transport.ProtocolClient;
import io.aurelius.core.transport.netty.NettyProtocolClient;
import io.aurelius.node.daemon.ClosingService;
import io.aurelius.node.daemon.ValidatorOps;
import io.aurelius.validator.consensus.CosignHandler;
import io.aurelius.validator.epoch.EpochListener;
import io.aurelius.validator.epoch.EpochReport;
import io.aurelius.validator.service.ValidatorService;
import io.aurelius.validator.service.ValidatorSettings;
import io.aurelius.worldmodel.agent.AgentModel;
import io.aurelius.worldmodel.agent.endpoint.EndpointPolicy;
import io.aurelius.worldmodel.agent.models.AgentModels;
import io.aurelius.worldmodel.agent.models.ModelSpec;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One devnet validator: a node home with its hotkey, registered and staked by its coldkey through
 * the chain protocol before it starts, its models the sim server over HTTP. The devnet drives its
 * epochs ({@link #runEpochs}); {@link #restart} stops the service and starts a new one on the same
 * home, as a crashed validator would be restarted.
 */
public final class DevnetValidator {
  private final String name;
  private final Path home;
  private final Signer hotkey;
  private final Signer coldkey;
  private final Ed25519KeyPair logKey;
  private final long stake;
  private final List<EpochReport> reports = new ArrayList<>();
  private ValidatorSettings settings;
  private DevnetChain chain;
  private EpochListener progress = EpochListener.NONE;
  private ValidatorService service;
  private Optional<String> apiKey = Optional.empty();
  private ProtocolClient client;
  private List<URI> calendars = List.of();
  private Optional<Path> covenant = Optional.empty();

  DevnetValidator(
      String name, Path home, Signer hotkey, Signer coldkey, Ed25519KeyPair logKey, long stake) {
    this.name = requireNonNull(name, "name");
    this.home = requireNonNull(home, "home");
    this.hotkey = requireNonNull(hotkey, "hotkey");
    this.coldkey = requireNonNull(coldkey, "coldkey");
    this.logKey = requireNonNull(logKey, "logKey");
    this.stake = stake;
  }

  /** Registers the hotkey as a validator and stakes it; returns the block that holds both. */
  long register(Chain chain) {
    Receipt registered = chain.register(coldkey, hotkey, Role.VALIDATOR, Endpoint.NONE);
    if (!registered.accepted()) {
      throw new IllegalStateException(name + ": registration rejected: " + registered);
    }
    Receipt staked = chain.addStake(coldkey, hotkey(), stake);
    if (!staked.accepted()) {
      throw new IllegalStateException(name + ": stake rejected: " + staked);
    }
    return ((Receipt.Accepted) staked).block();
  }

  /**
   * Creates this validator's covenant log in its node home ({@link DevnetCovenant}), signed with
   * its corpus-log key; the validator then runs with it as its {@code --covenant}.
   */
  Path createCovenant() {
    Path dir = DevnetCovenant.create(home, name, logKey);
    covenant = Optional.of(dir);
    return dir;
  }

  /** The covenant log this validator runs with, once created. */
  public Optional<Path> covenant() {
    return covenant;
  }

  /** The verifier key of its covenant log, for {@code corpus verify --trusted-keys}. */
  String covenantTrustedKey() {
    return DevnetCovenant.trustedKey(name, logKey);
  }

  /** Stamps checkpoints with these OpenTimestamps calendars (none: no stamping). */
  void stampWith(List<URI> calendars) {
    this.calendars = List.copyOf(calendars);
  }

  /** The services of this node, in start order: a chain client, then the validator. */
  List<Service> services(
      DevnetChain chain, ValidatorSettings settings, EpochListener progress, String apiKey) {
    this.apiKey = Optional.of(requireNonNull(apiKey, "apiKey"));
    this.chain = requireNonNull(chain, "chain");
    this.settings = requireNonNull(settings, "settings");
    this.progress = requireNonNull(progress, "progress");
    return newServices();
  }

  private List<Service> newServices() {
    client = NettyProtocolClient.create(hotkey, ClientLimits.defaults());
    Chain remote = chain.remote(client);
    ValidatorOps ops = new ValidatorOps(remote, settings.models(), new MetricsRegistry());
    AgentModel model =
        AgentModels.open(
            settings.models().stream().map(ModelSpec::parse).toList(),
            EndpointPolicy.DEFAULT,
            apiKey);
    ValidatorService.Builder builder = ValidatorService.builder(settings, hotkey);
    if (!calendars.isEmpty()) {
      // Short rounds: a devnet's epochs take seconds, and its calendar is local or absent.
      builder.stamping(
          new CheckpointStamper(new Stamper(new CalendarClient(Duration.ofSeconds(5)), calendars)),
          Duration.ofSeconds(2));
    }
    service =
        ops.attach(
            builder
                .logKey(logKey)
                .chain(remote)
                .model(model)
                .announce("127.0.0.1")
                .autoEpochs(false),
            EpochListener.both(progress, new ReportKeeper(reports)));
    return List.of(new ClosingService(name + "-chain-client", client), service);
  }

  /** Runs {@code n} chain epochs on the caller's thread. */
  List<EpochReport> runEpochs(int n) throws InterruptedException {
    return service.runEpochs(n);
  }

  /**
   * Stops this validator (as a crash would, mid-epoch or not) and starts it again on the same home.
   */
  void restart() throws Exception {
    service.stop();
    client.close();
    for (Service s : newServices()) {
      s.start();
    }
  }

  void stop() throws Exception {
    service.stop();
    client.close();
  }

  public String name() {
    return name;
  }

  public KeyId hotkey() {
    return KeyId.of(hotkey.publicKey());
  }

  public long stake() {
    return stake;
  }

  /**
   * This validator's lines for a trusted-keys file: its log key under the corpus {@code origin}
   * (type 01), and the same key as a witness named by its SS58 hotkey (type 04) with its stake.
   */
  List<String> corpusTrustedKeys(String origin) {
    return List.of(
        new NoteSigner(origin, logKey).verifierKey().format(),
        new NoteSigner(CosignHandler.witnessName(hotkey()), logKey).cosignerKey().format()
            + " "
            + stake);
  }

  public ValidatorService service() {
    return service;
  }

  public int port() {
    return service.address().getPort();
  }

  public String corpusUrl() {
    return "http://127.0.0.1:" + port() + "/git/corpus.git";
  }

  public String configsUrl() {
    return "http://127.0.0.1:" + port() + "/git/configs.git";
  }

  public String worldModelUrl() {
    return "http://127.0.0.1:" + port() + "/git/world-model.git";
  }

  /** Every epoch report so far, oldest first (a resumed epoch reports again). */
  public List<EpochReport> reports() {
    synchronized (reports) {
      return List.copyOf(reports);
    }
  }

  /** Keeps every epoch report as it is finished. */
  private record ReportKeeper(List<EpochReport> reports) implements EpochListener {
    @Override
    public void finished(EpochReport report) {
      synchronized (reports) {
        reports.add(report);
      }
    }
  }
}
