package io.aurelius.node.devnet;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.core.chain.dev.ChainDataDir;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.service.ServiceController;
import io.aurelius.core.transport.ClientLimits;
import io.aurelius.core.transport.ProtocolClient;
import io.aurelius.core.transport.netty.NettyProtocolClient;
import io.aurelius.judge.api.JudgeSetup;
import io.aurelius.judge.sim.SimJudgeResponder;
import io.aurelius.node.daemon.ClosingService;
import io.aurelius.node.daemon.LogKey;
import io.aurelius.validator.service.Deadlines;
import io.aurelius.validator.service.ValidatorService;
import io.aurelius.validator.service.ValidatorSettings;
import io.aurelius.worldmodel.sim.server.SimLlmServer;
import io.aurelius.worldmodel.sim.server.Stats;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A running devnet. {@link #start} brings every node up in order (chain, sim model, miners,
 * validators), each registered on the chain; {@link #close} stops them in reverse.
 */
public final class Devnet implements AutoCloseable {
  static final String CORPUS_TRUSTED_KEYS = "corpus-trusted-keys";
  static final String CORPUS_SEEN = "corpus-seen";
  static final String COVENANT_TRUSTED_KEYS = "covenant-trusted-keys";

  private final DevnetSettings settings;
  private final DevnetHome home;
  private final Consumer<String> progress;
  private final EpochNumbers epochNumbers = new EpochNumbers();

  /** Started in order, stopped in reverse: a later stage needs the ports of an earlier one. */
  private final List<ServiceController> stages = new ArrayList<>();

  private final List<DevnetMiner> miners = new ArrayList<>();
  private final List<DevnetValidator> validators = new ArrayList<>();
  private DevnetChain chain;
  private SimLlmServer sim;
  private Optional<URI> localCalendar = Optional.empty();
  private Optional<String> module = Optional.empty();

  /** The sim server's bearer key: validators must send it, as they would a hosted endpoint's. */
  private final String apiKey = "devnet-" + HexFormat.of().formatHex(randomBytes(12));

  private Devnet(DevnetSettings settings, DevnetHome home, Consumer<String> progress) {
    this.settings = settings;
    this.home = home;
    this.progress = progress;
  }

  /** Starts a fresh devnet; on failure everything started so far is stopped. */
  public static Devnet start(DevnetSettings settings, Consumer<String> progress) throws Exception {
    return start(settings, progress, Optional.empty());
  }

  /**
   * As {@link #start(DevnetSettings, Consumer)}, the first miner submitting the shipped module
   * {@code module} and serving a configuration that imports it ({@link DevnetWorldModel#prepare}).
   *
   * @throws IllegalArgumentException (one line) for a name that is not a shipped module
   */
  public static Devnet start(
      DevnetSettings settings, Consumer<String> progress, Optional<String> module)
      throws Exception {
    requireNonNull(settings, "settings");
    requireNonNull(progress, "progress");
    module.ifPresent(DevnetWorldModel::shipped);
    Devnet devnet = new Devnet(settings, DevnetHome.prepare(settings.home()), progress);
    devnet.module = module;
    try {
      devnet.bringUp();
    } catch (Exception | Error e) {
      devnet.close();
      throw e;
    }
    return devnet;
  }

  private void bringUp() throws Exception {
    progress.accept("devnet home: " + home.root());
    List<String> catalogue = Catalogue.names();
    List<List<String>> shares =
        List.of(catalogue.subList(0, 3), catalogue.subList(3, 5), catalogue.subList(5, 6));
    List<KeyId> coldkeys = new ArrayList<>();
    for (int i = 0; i < DevnetSettings.MINERS; i++) {
      String name = "miner-" + (i + 1);
      Signer hot = home.newHotkey(name);
      Signer cold = home.newColdkey(name);
      coldkeys.add(KeyId.of(cold.publicKey()));
      miners.add(new DevnetMiner(name, home.nodeHome(name), hot, cold, shares.get(i)));
    }
    long[] stakes = {600_000_000_000L, 400_000_000_000L};
    for (int i = 0; i < DevnetSettings.VALIDATORS; i++) {
      String name = "validator-" + (i + 1);
      Signer hot = home.newHotkey(name);
      Signer cold = home.newColdkey(name);
      coldkeys.add(KeyId.of(cold.publicKey()));
      validators.add(
          new DevnetValidator(
              name,
              home.nodeHome(name),
              hot,
              cold,
              LogKey.of(hot, home.nodeHome(name)),
              stakes[i]));
    }
    writeCorpusTrustedKeys();
    writeCovenants();
    chain = new DevnetChain(new ChainDataDir(home.chainDir()), settings, coldkeys, block -> {});
    ServiceController base = stage();
    base.add(chain);
    sim =
        SimLlmServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            settings.faultPlan(),
            8,
            new SimJudgeResponder(),
            Optional.of(apiKey));
    base.add(new ClosingService("sim-llm", sim));
    List<URI> calendars = settings.otsCalendars();
    if (calendars.isEmpty()) {
      DevnetCalendar calendar = DevnetCalendar.start();
      base.add(new ClosingService("devnet-ots-calendar", calendar));
      localCalendar = Optional.of(calendar.uri());
      calendars = List.of(calendar.uri());
    }
    base.start();
    ServiceController minerStage = stage();
    module.ifPresent(name -> DevnetWorldModel.prepare(miners.get(0), name));
    for (DevnetMiner m : miners) {
      m.fillLibrary();
      m.services(chain).forEach(minerStage::add);
    }
    minerStage.start();
    long staked = 0;
    try (ProtocolClient client =
        NettyProtocolClient.create(Ed25519KeyPair.generate(), ClientLimits.defaults())) {
      for (DevnetValidator v : validators) {
        staked = Math.max(staked, v.register(chain.remote(client)));
      }
    }
    chain.awaitBlock(staked, Duration.ofSeconds(60));
    awaitMinersKnow(staked);
    ServiceController validatorStage = stage();
    for (DevnetValidator v : validators) {
      v.stampWith(calendars);
      v.services(
              chain, validatorSettings(v), new Progress(v.name(), epochNumbers, progress), apiKey)
          .forEach(validatorStage::add);
    }
    validatorStage.start();
    progress.accept(
        "chain      127.0.0.1:"
            + chain.port()
            + "  authority "
            + chain.authority()
            + "  (a block every "
            + settings.blockIntervalMillis()
            + " ms, Yuma every "
            + settings.tempo()
            + " blocks)");
    progress.accept(
        "sim model  "
            + modelSpec()
            + "  (agents and the LLM judge; every answer labelled sim; "
            + (settings.slowModels() || settings.rateLimitRate() > 0
                ? "latency "
                    + settings.modelLatency().describe()
                    + ", 429s "
                    + settings.rateLimitRate()
                    + "; "
                : "")
            + "bearer key required)");
    progress.accept(
        "ots        "
            + String.join(", ", calendars.stream().map(URI::toString).toList())
            + (localCalendar.isPresent()
                ? "  (the local devnet calendar: it never reaches Bitcoin, so stamps stay pending)"
                : "  (OpenTimestamps calendars)"));
    for (DevnetMiner m : miners) {
      progress.accept(
          m.name()
              + "    127.0.0.1:"
              + m.port()
              + "  "
              + m.hotkey()
              + "  "
              + String.join(", ", m.configurations()));
    }
    for (DevnetValidator v : validators) {
      progress.accept(
          v.name() + " 127.0.0.1:" + v.port() + "  " + v.hotkey() + "  stake " + v.stake());
    }
    progress.accept(
        "covenants  "
            + home.nodeHome("VALIDATOR").resolve(DevnetCovenant.DIRECTORY)
            + "  (the bundled genesis covenant, signed with each validator's corpus-log key;"
            + " world-model adoptions are appended as amendments)");
    progress.accept(
        "keys       sr25519 Bittensor wallets, one per node: "
            + home.nodeHome("NODE").resolve(DevnetHome.WALLETS).resolve("NODE")
            + "  (hotkey '"
            + DevnetHome.HOTKEY
            + "'; btauth/1 on the wire)");
  }

  /**
   * Waits until every miner has read the metagraph of {@code block}, so it answers the validators
   * from the first epoch.
   */
  private void awaitMinersKnow(long block) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (miners.stream().anyMatch(m -> m.syncedBlock() < block)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "miners did not see the validators' registration (block " + block + ") within 30 s");
      }
      Thread.sleep(50);
    }
  }

  /**
   * How a devnet validator runs: the sim server over HTTP for its agents and for its LLM judge
   * (beside the embedded one), with the server's key. Loopback peers answer in milliseconds, so a
   * restarted peer should not hold the other up for a minute; with real-model latency, peers get
   * the minutes hosted judges need.
   */
  private ValidatorSettings validatorSettings(DevnetValidator v) {
    ValidatorSettings d = ValidatorSettings.defaults(home.nodeHome(v.name()));
    JudgeSetup judges =
        JudgeSetup.defaults(List.of("embedded", modelSpec()), d.dlvThreshold())
            .withApiKey(Optional.of(apiKey));
    Deadlines deadlines =
        new Deadlines(
            Duration.ofSeconds(12),
            Duration.ofMinutes(5),
            Duration.ofMinutes(5),
            Duration.ofSeconds(20),
            Duration.ofSeconds(10));
    if (settings.slowModels()) {
      judges = judges.withThreads(16);
      deadlines =
          new Deadlines(
              Duration.ofSeconds(12),
              Duration.ofMinutes(30),
              Duration.ofMinutes(15),
              Duration.ofMinutes(10),
              Duration.ofSeconds(60));
    }
    boolean dishonest = settings.dishonestValidator() && v == validators.get(validators.size() - 1);
    return d.withModels(List.of(modelSpec()))
        .withCovenant(v.covenant().orElseThrow())
        .withJudging(judges)
        .withSeeds(settings.seeds())
        .withDeadlines(deadlines)
        .withAlwaysApprove(dishonest);
  }

  /**
   * Runs {@code n} epochs on every validator at once, each epoch the same chain epoch on both (they
   * exchange verdicts and cosign each other's checkpoints, so they must run together), and returns
   * when all are done.
   */
  public void runEpochs(int n) throws Exception {
    for (int i = 0; i < n; i++) {
      runEpoch(nextEpoch());
    }
    awaitChainEpoch();
  }

  /** The chain's current epoch, or the next one if some validator has finished the current one. */
  private long nextEpoch() throws InterruptedException {
    ValidatorService any = validators.get(0).service();
    long target = any.chainEpoch();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (validators.stream().anyMatch(v -> v.service().finished(any.chainEpoch()))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the chain did not reach epoch " + (target + 1) + " in time");
      }
      Thread.sleep(Math.max(20, settings.blockIntervalMillis() / 2));
    }
    return any.chainEpoch();
  }

  private void runEpoch(long epoch) throws Exception {
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    for (DevnetValidator v : validators) {
      Thread t =
          new Thread(
              () -> {
                try {
                  v.service().runEpoch(epoch);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } catch (RuntimeException | Error e) {
                  failures.add(new IllegalStateException(v.name() + ": " + e.getMessage(), e));
                }
              },
              "devnet-" + v.name());
      threads.add(t);
      t.start();
    }
    try {
      for (Thread t : threads) {
        t.join();
      }
    } catch (InterruptedException e) {
      // the caller is stopping: the validators stop their epoch at its next step boundary
      for (Thread t : threads) {
        t.interrupt();
      }
      for (Thread t : threads) {
        t.join(Duration.ofSeconds(30).toMillis());
      }
      throw e;
    }
    if (!failures.isEmpty()) {
      Throwable first = failures.get(0);
      throw first instanceof Exception e ? e : new IllegalStateException(first);
    }
  }

  /** Waits for the chain's next Yuma epoch, so incentive reflects the weights just set. */
  public void awaitChainEpoch() throws InterruptedException {
    long now = chain.chain().currentBlock();
    long next = now + 1;
    while (!DevnetChain.params(settings).isEpochBlock(next)) {
      next++;
    }
    progress.accept("waiting for the chain's Yuma epoch at block " + next);
    chain.awaitBlock(next + 1, Duration.ofSeconds(60));
  }

  /** The model spec validators use: the sim model over real HTTP. */
  public String modelSpec() {
    return "openai:" + sim.openAiBaseUrl() + "#sim";
  }

  /** What the sim server has answered so far: requests, 429s, refusals. */
  public Stats simStats() {
    return sim.stats();
  }

  public DevnetSettings settings() {
    return settings;
  }

  /**
   * The local devnet calendar's URL when no calendar was configured (the default); its stamps never
   * leave the pending state.
   */
  public Optional<URI> localCalendar() {
    return localCalendar;
  }

  /**
   * Writes the file {@code corpus verify --trusted-keys} takes for this devnet's corpus: every
   * validator's log key and, as witnesses with their stake, its cosigning key.
   */
  private void writeCorpusTrustedKeys() throws IOException {
    String origin = ValidatorSettings.defaults(home.root()).corpusOrigin();
    List<String> lines = new ArrayList<>();
    lines.add("# the devnet corpus " + origin + ": validators' log keys and witnesses with stake");
    validators.forEach(v -> lines.addAll(v.corpusTrustedKeys(origin)));
    Files.write(corpusTrustedKeys(), lines, StandardCharsets.UTF_8);
  }

  /**
   * Creates each validator's covenant log ({@link DevnetCovenant}) and writes the file {@code
   * corpus verify --trusted-keys} takes for them: each covenant's log key under its own origin.
   */
  private void writeCovenants() throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("# the devnet covenants: each validator's covenant log key under its own origin");
    for (DevnetValidator v : validators) {
      v.createCovenant();
      lines.add(v.covenantTrustedKey());
    }
    Files.write(covenantTrustedKeys(), lines, StandardCharsets.UTF_8);
  }

  /** The trusted-keys file for the validators' covenant logs. */
  public Path covenantTrustedKeys() {
    return home.root().resolve(COVENANT_TRUSTED_KEYS);
  }

  /** The trusted-keys file for this devnet's corpus. */
  public Path corpusTrustedKeys() {
    return home.root().resolve(CORPUS_TRUSTED_KEYS);
  }

  /** Where {@code corpus verify} remembers this devnet's checkpoints, wiped with the devnet. */
  public Path corpusSeenDir() {
    return home.root().resolve(CORPUS_SEEN);
  }

  public DevnetHome home() {
    return home;
  }

  public DevnetChain chain() {
    return chain;
  }

  /** The shipped module the first miner submits, if the devnet was started with one. */
  public Optional<String> module() {
    return module;
  }

  public List<DevnetMiner> miners() {
    return List.copyOf(miners);
  }

  /** The summary as of now: the validators' reports and the chain's metagraph. */
  /** The devnet's epoch numbers (from 1) and the chain epochs they ran. */
  public EpochNumbers epochNumbers() {
    return epochNumbers;
  }

  public DevnetSummary summary() {
    return DevnetSummary.of(this);
  }

  public List<DevnetValidator> validators() {
    return List.copyOf(validators);
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    new SecureRandom().nextBytes(b);
    return b;
  }

  private ServiceController stage() {
    ServiceController c = new ServiceController(Duration.ofSeconds(15));
    stages.add(c);
    return c;
  }

  /** Stops every node, the latest stage first. Never throws. */
  @Override
  public synchronized void close() {
    for (int i = stages.size() - 1; i >= 0; i--) {
      stages.get(i).stop();
    }
    stages.clear();
  }
}
