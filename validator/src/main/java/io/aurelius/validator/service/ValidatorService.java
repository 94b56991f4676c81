package io.aurelius.validator.service;

import static java.util.Objects.requireNonNull;

import io.aurelius.anchoring.note.NoteSigner;
import io.aurelius.anchoring.note.WitnessBinding;
import io.aurelius.anchoring.stamping.CheckpointStamper;
import io.aurelius.anchoring.witness.CosignedCheckpoints;
import io.aurelius.anchoring.witness.Witness;
import io.aurelius.config.module.ModuleRegistry;
import io.aurelius.config.submission.Submission;
import io.aurelius.core.chain.Chain;
import io.aurelius.core.chain.ChainInfo;
import io.aurelius.core.chain.Endpoint;
import io.aurelius.core.chain.Metagraph;
import io.aurelius.core.chain.NeuronInfo;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.githttp.GitHttpService;
import io.aurelius.core.githttp.GitMount;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.identity.OwnerOnlyFiles;
import io.aurelius.core.metrics.MetricsRegistry;
import io.aurelius.core.protocol.InMemoryPeerDirectory;
import io.aurelius.core.protocol.PeerStanding;
import io.aurelius.core.protocol.ProtocolIdentity;
import io.aurelius.core.service.AbstractService;
import io.aurelius.core.transport.ClientLimits;
import io.aurelius.core.transport.PlainHttpResponse;
import io.aurelius.core.transport.ProtocolClient;
import io.aurelius.core.transport.ProtocolServer;
import io.aurelius.core.transport.ServerSpec;
import io.aurelius.core.transport.Transport;
import io.aurelius.judge.api.Judges;
import io.aurelius.validator.consensus.ConsensusBook;
import io.aurelius.validator.consensus.CosignHandler;
import io.aurelius.validator.consensus.Rejudge;
import io.aurelius.validator.consensus.RejudgeQueue;
import io.aurelius.validator.consensus.ValidatorSet;
import io.aurelius.validator.consensus.VerdictsHandler;
import io.aurelius.validator.epoch.CanarySecrets;
import io.aurelius.validator.epoch.EpochListener;
import io.aurelius.validator.epoch.EpochPipeline;
import io.aurelius.validator.epoch.EpochReport;
import io.aurelius.validator.modules.BenchmarkSuite;
import io.aurelius.validator.modules.CovenantAdoptions;
import io.aurelius.validator.modules.ModuleVerdictBook;
import io.aurelius.validator.modules.ModuleVerdictsHandler;
import io.aurelius.validator.modules.WorldModelLedger;
import io.aurelius.validator.publish.CheckpointStamping;
import io.aurelius.validator.publish.ConfigsRepository;
import io.aurelius.validator.publish.CorpusAnchor;
import io.aurelius.validator.publish.WorldModelRepository;
import io.aurelius.validator.store.ValidatorStore;
import io.aurelius.worldmodel.agent.AgentModel;
import io.aurelius.worldmodel.agent.models.AgentModels;
import io.aurelius.worldmodel.agent.models.ModelSpec;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The validator node. It is given its transport, its chain and (or else opens them from its
 * settings) its agent model, judges and state store; on start it opens its corpus log and
 * configurations repository under {@code <home>/validator}, binds its HTTP server ({@code
 * validator/verdicts}, {@code validator/cosign}, {@code /git/configs.git}, {@code /git/corpus.git},
 * {@code /git/world-model.git} and any routes added with {@link Builder#server}), optionally
 * announces its endpoint on the chain, and (unless {@link Builder#autoEpochs} is off) runs one
 * epoch per chain epoch on its own thread, up to {@link Builder#maxEpochs} (0 = forever). {@link
 * #runEpoch()} and {@link #runEpochs(int)} run epochs on the caller's thread instead.
 */
public final class ValidatorService extends AbstractService {
  /**
   * How long a stop waits for a step it does not interrupt (within the node's 15 s per service).
   */
  static final Duration STOP_GRACE = Duration.ofSeconds(10);

  /** How often pending stamps are retried and upgraded when nothing else asks. */
  public static final Duration DEFAULT_STAMP_INTERVAL = Duration.ofMinutes(10);

  private final ValidatorSettings settings;
  private final Signer hotkey;
  private final Ed25519KeyPair logKey;
  private final Chain chain;
  private final Transport transport;
  private final Optional<AgentModel> givenModel;
  private final Optional<Judges> givenJudges;
  private final Optional<ValidatorStore> givenStore;
  private final Consumer<ServerSpec.Builder> serverHook;
  private final Optional<String> announceHost;
  private final boolean autoEpochs;
  private final int maxEpochs;
  private final EpochListener listener;
  private final MetricsRegistry registry;
  private final Clock clock;
  private final Optional<CheckpointStamper> stamper;
  private final Duration stampEvery;

  private final InMemoryPeerDirectory directory = new InMemoryPeerDirectory();
  private final AtomicReference<ValidatorSet> validators =
      new AtomicReference<>(ValidatorSet.EMPTY);
  private final AtomicLong epochHint = new AtomicLong();
  private final Object epochLock = new Object();

  private volatile ValidatorStore store;
  private volatile CorpusAnchor corpus;
  private volatile ConfigsRepository configs;
  private volatile ModuleRegistry worldModel;
  private volatile WorldModelRepository worldModelRepository;
  private volatile WorldModelLedger adoptions;
  private volatile AgentModel model;
  private volatile Judges judges;
  private volatile RejudgeQueue rejudging;
  private volatile ExecutorService runPool;
  private volatile ProtocolClient client;
  private volatile ProtocolServer server;
  private volatile EpochPipeline pipeline;
  private volatile Thread loop;
  private volatile CheckpointStamping stamping;

  private ValidatorService(Builder b) {
    this.settings = b.settings;
    this.hotkey = b.hotkey;
    this.logKey = b.logKey.orElseGet(() -> ed25519HotkeyAsLogKey(b.hotkey));
    this.chain = requireNonNull(b.chain, "chain (call builder.chain)");
    this.transport = requireNonNull(b.transport, "transport (call builder.transport)");
    this.givenModel = b.model;
    this.givenJudges = b.judges;
    this.givenStore = b.store;
    this.serverHook = b.serverHook;
    this.announceHost = b.announceHost;
    this.autoEpochs = b.autoEpochs;
    this.maxEpochs = b.maxEpochs;
    this.listener = b.listener;
    this.registry = b.registry;
    this.clock = b.clock;
    this.stamper = b.stamper;
    this.stampEvery = b.stampEvery;
  }

  public static Builder builder(ValidatorSettings settings, Signer hotkey) {
    return new Builder(requireNonNull(settings, "settings"), requireNonNull(hotkey, "hotkey"));
  }

  private static Ed25519KeyPair ed25519HotkeyAsLogKey(Signer hotkey) {
    if (hotkey instanceof Ed25519KeyPair ed25519) {
      return ed25519;
    }
    throw new IllegalStateException(
        "log key: none given for a "
            + hotkey.scheme()
            + " hotkey (expected: builder.logKey(an Ed25519 key), as checkpoints and cosignatures"
            + " are C2SP notes, which are Ed25519)");
  }

  @Override
  public String name() {
    return "validator";
  }

  public KeyId hotkey() {
    return KeyId.of(hotkey.publicKey());
  }

  public ValidatorSettings settings() {
    return settings;
  }

  /** The bound address, once started. */
  public InetSocketAddress address() {
    ProtocolServer running = server;
    if (running == null) {
      throw new IllegalStateException("validator: not started");
    }
    return running.address();
  }

  public Path corpusRepository() {
    return settings.validatorDir().resolve("corpus.git");
  }

  /** What this validator cosigned as a witness, per origin (docs/corpus-format.md). */
  private Path witnessDirectory() {
    return settings.validatorDir().resolve("witness");
  }

  public Path configsRepository() {
    return settings.validatorDir().resolve("configs.git");
  }

  /** The adopted world-model modules ({@code adoptions.jsonl}) this validator admits against. */
  public Path worldModelRegistry() {
    return settings.validatorDir().resolve("world-model");
  }

  /** The registry as a bare git repository, one commit per adoption, served read-only. */
  public Path worldModelRepository() {
    return settings.validatorDir().resolve("world-model.git");
  }

  @Override
  protected void doStart() throws Exception {
    // A chain whose weights this validator cannot set (Subtensor's timelocked commit-reveal).
    chain.checkWeightsSupported();
    Path dir = settings.validatorDir();
    // The validator's state, transcripts and repositories are its owner's only (0700).
    OwnerOnlyFiles.createDirectories(dir);
    try {
      store =
          givenStore.isPresent() ? givenStore.get() : ValidatorStore.open(dir.resolve("state.db"));
      corpus = CorpusAnchor.open(corpusRepository(), settings.corpusOrigin(), logKey, clock);
      configs = ConfigsRepository.open(configsRepository());
      worldModel = ModuleRegistry.open(worldModelRegistry());
      worldModelRepository = WorldModelRepository.open(worldModelRepository());
      adoptions = ledger();
      model =
          givenModel.isPresent()
              ? givenModel.get()
              : AgentModels.open(
                  settings.models().stream().map(ModelSpec::parse).toList(),
                  io.aurelius.worldmodel.agent.endpoint.EndpointPolicy.DEFAULT,
                  Optional.empty());
      judges = givenJudges.isPresent() ? givenJudges.get() : Judges.open(settings.judging());
      runPool = Executors.newCachedThreadPool(daemon("validator-run"));
      client = transport.client(ProtocolIdentity.of(hotkey), clientLimits());
      ConsensusBook book = new ConsensusBook(store);
      rejudging = rejudgeQueue(book);
      ValidatorMetrics metrics = new ValidatorMetrics(registry);
      pipeline = pipeline(book, dir.resolve("runs"), metrics);
      metrics.queues(registry, pipeline, rejudging);
      metrics.trust(registry, pipeline, hotkey().address(), validators::get, settings.trust());
      refreshPeers();
      server = transport.serve(spec(book));
      ValidatorStatus.serving(
          hotkey(),
          server.address(),
          String.join(",", settings.models()),
          String.join(",", settings.judging().specs()));
      if (announceHost.isPresent()) {
        announce(announceHost.get());
      }
      if (stamper.isPresent()) {
        stamping =
            new CheckpointStamping(corpus, stamper.get(), stampEvery, ValidatorStatus::stamped);
        ValidatorStatus.stamping(stamper.get().calendars(), stampEvery);
        stamping.nudge();
      } else {
        ValidatorStatus.notStamping();
      }
    } catch (Exception | Error e) {
      closeQuietly();
      throw e;
    }
    if (autoEpochs) {
      loop = new Thread(this::loop, "validator-epochs");
      loop.setDaemon(true);
      loop.start();
    }
  }

  /**
   * The registry followed by its served repository and, with a covenant, the covenant log; brought
   * up to the registry now (an adoption a crash left unpublished or unanchored is completed).
   *
   * @throws IllegalStateException (one line) when the registry does not follow the covenant's
   *     version
   */
  private WorldModelLedger ledger() {
    List<WorldModelLedger.Follower> followers = new ArrayList<>();
    WorldModelRepository served = worldModelRepository;
    followers.add(served::publish);
    if (settings.covenant().isPresent()) {
      CovenantAdoptions covenant = CovenantAdoptions.open(settings.covenant().get(), logKey, clock);
      followers.add(covenant);
      ValidatorStatus.anchoringAdoptions(covenant.log(), covenant.writable());
    } else {
      ValidatorStatus.notAnchoringAdoptions();
    }
    WorldModelLedger ledger = new WorldModelLedger(worldModel, followers);
    ledger.catchUp();
    return ledger;
  }

  /** Answers may carry a whole configuration; one call waits for a miner or a peer at most. */
  private ClientLimits clientLimits() {
    int maxResponse = Submission.maxWireBytes(settings.maxConfigBytes()) + (256 << 10);
    Duration query = settings.deadlines().query();
    Duration longestCall = query.compareTo(Deadlines.PEER_CALL) > 0 ? query : Deadlines.PEER_CALL;
    ClientLimits d = ClientLimits.defaults();
    return new ClientLimits(
        d.connectTimeout(),
        longestCall,
        d.idleTimeout(),
        d.maxConnectionsPerPeer(),
        d.maxPendingCalls(),
        maxResponse,
        2);
  }

  /** Peers' proposals judged again by this validator's judges, off the request threads. */
  private RejudgeQueue rejudgeQueue(ConsensusBook book) {
    CanarySecrets secrets = CanarySecrets.of(store);
    ValidatorStore state = store;
    Judges panel = judges;
    Rejudge rejudge =
        aenes -> {
          Map<String, Rejudge.Judgement> out = new HashMap<>();
          panel
              .rejudge(
                  secrets.forRejudging(aenes.get(0).id().hex()),
                  aenes,
                  EpochPipeline.judgeReputation(state))
              .forEach((id, j) -> out.put(id, judgement(j)));
          return out;
        };
    return new RejudgeQueue(book, hotkey, rejudge, settings.rejudgeWorkers(), 1024);
  }

  /** This validator's judgement of a peer's aene; an always-approve validator says yes at 1 − ε. */
  private Rejudge.Judgement judgement(io.aurelius.judge.api.Rejudgement j) {
    if (settings.alwaysApprove()) {
      return new Rejudge.Judgement(j.dlv(), true);
    }
    return new Rejudge.Judgement(j.dlv(), j.approve(), j.acceptance());
  }

  private EpochPipeline pipeline(ConsensusBook book, Path runsDir, ValidatorMetrics metrics) {
    Deadlines deadlines = settings.deadlines();
    return EpochPipeline.builder()
        .store(store)
        .chain(chain)
        .key(hotkey)
        .client(client)
        .judges(judges)
        .book(book)
        .clock(clock)
        .simulation(model, runPool, runsDir, settings.seedsPerFraming())
        .publishing(corpus, configs)
        .admission(settings.maxConfigBytes(), settings.perColdkey())
        .worldModel(
            worldModel,
            current ->
                BenchmarkSuite.epoch(configs.documents(), current, settings.modules().suite()),
            settings.modules())
        .adoptInto(adoptions)
        .consensus(settings.quorum(), settings.maxProposals())
        .trust(settings.trust())
        .alwaysApprove(settings.alwaysApprove())
        .ulfr(io.aurelius.validator.epoch.CovenantUlfr.of(settings.covenant()))
        .deadlines(
            deadlines.query(),
            deadlines.configBudget(),
            deadlines.verdicts(),
            deadlines.consensus(),
            deadlines.cosign(),
            Deadlines.PEER_CALL)
        .listener(EpochListener.both(new ValidatorStatus(), EpochListener.both(metrics, listener)))
        .build();
  }

  private ServerSpec spec(ConsensusBook book) {
    GitMount git =
        new GitMount(
            new GitHttpService(
                Map.of(
                    "configs.git",
                    configsRepository(),
                    "corpus.git",
                    corpusRepository(),
                    "world-model.git",
                    worldModelRepository())));
    // Signed once: the statement never changes, and anyone may ask for it.
    byte[] binding = witnessBinding();
    ServerSpec.Builder spec =
        ServerSpec.builder(hotkey, directory)
            .bind(settings.bind())
            .limits(settings.limits())
            .name("validator")
            .route(
                VerdictsHandler.ROUTE,
                VerdictsHandler.MAX_BODY_BYTES,
                new VerdictsHandler(
                    book,
                    hotkey,
                    validators::get,
                    epochHint::get,
                    rejudging,
                    settings.rejudgeRate(),
                    () -> EpochPipeline.peerReputation(store)))
            .route(
                CosignHandler.ROUTE,
                CosignHandler.MAX_BODY_BYTES,
                new CosignHandler(
                    corpus,
                    new Witness(
                        new CosignedCheckpoints(witnessDirectory()),
                        new NoteSigner(CosignHandler.witnessName(hotkey()), logKey),
                        clock),
                    validators::get))
            .route(
                ModuleVerdictsHandler.ROUTE,
                ModuleVerdictsHandler.MAX_BODY_BYTES,
                new ModuleVerdictsHandler(new ModuleVerdictBook(store), validators::get))
            .plain(
                WitnessBinding.PATH,
                Set.of("GET"),
                request -> PlainHttpResponse.of(200, "application/json", binding))
            .bulk(GitMount.PREFIX, Set.of("GET", "POST"), git.maxRequestBytes(), git);
    serverHook.accept(spec);
    return spec.build();
  }

  /**
   * This validator's statement, signed by its hotkey, of the key it cosigns with under its hotkey
   * address, so a verifier holding only the metagraph can tell its cosignatures (corpus verify
   * --chain-endpoint); served at {@link WitnessBinding#PATH}.
   */
  private byte[] witnessBinding() {
    return WitnessBinding.sign(
            hotkey, new NoteSigner(CosignHandler.witnessName(hotkey()), logKey).cosignerKey())
        .bytes();
  }

  private void announce(String host) {
    InetSocketAddress bound = server.address();
    Endpoint endpoint = new Endpoint(host, bound.getPort());
    Optional<NeuronInfo> me = chain.metagraph().byHotkey(hotkey());
    if (me.isPresent() && !me.get().endpoint().equals(endpoint)) {
      var receipt = chain.serveEndpoint(hotkey, endpoint);
      if (!receipt.accepted()) {
        throw new IllegalStateException("cannot announce endpoint " + endpoint + ": " + receipt);
      }
      ValidatorStatus.announced(bound);
    }
  }

  /** Reloads who may call this node (every registered hotkey) and the validator set. */
  private void refreshPeers() {
    Metagraph graph = chain.metagraph();
    Map<KeyId, PeerStanding> standings = new HashMap<>();
    Map<KeyId, Long> stakes = new HashMap<>();
    for (NeuronInfo n : graph.neurons()) {
      standings.put(n.hotkey(), new PeerStanding.Registered(n.stake(), n.hotkeyScheme()));
      if (n.role() == io.aurelius.core.chain.Role.VALIDATOR) {
        stakes.put(n.hotkey(), n.stake());
      }
    }
    directory.replaceAll(standings);
    validators.set(new ValidatorSet(stakes));
    epochHint.set(Math.max(epochHint.get(), chainEpoch()));
  }

  /** The chain's current epoch index: (block + netuid + 1) / (tempo + 1), as Subtensor counts. */
  public long chainEpoch() {
    ChainInfo info = chain.info();
    return (chain.currentBlock() + info.netuid() + 1) / (info.tempo() + 1);
  }

  /**
   * What the newest {@code limit} finished epochs did, newest first, rebuilt from the store (the
   * console's history: submissions, scores, weights, checkpoints).
   */
  public List<EpochReport> history(int limit) {
    requireRunning();
    return pipeline.history(limit);
  }

  /** The corpus log as it is now (read-only). */
  public io.aurelius.anchoring.log.LogSnapshot corpusSnapshot()
      throws io.aurelius.anchoring.log.LogException {
    requireRunning();
    return corpus.snapshot();
  }

  /** Whether this validator has run {@code epoch} to the end. */
  public boolean finished(long epoch) {
    requireRunning();
    return pipeline.finished(epoch);
  }

  /**
   * Runs the chain's current epoch, or resumes it if it was cut short; if it is already done, waits
   * for the chain to reach the next epoch first (at most three epochs' time).
   */
  public EpochReport runEpoch() throws InterruptedException {
    requireRunning();
    finishInterrupted();
    long target = chainEpoch();
    if (pipeline.finished(target)) {
      ValidatorStatus.waiting(target);
      ChainInfo info = chain.info();
      long epochMillis = (info.tempo() + 1L) * Math.max(1, info.blockIntervalMillis());
      long deadline = System.nanoTime() + Duration.ofMillis(3 * epochMillis + 10_000).toNanos();
      while (chainEpoch() <= target) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "the chain did not reach epoch "
                  + (target + 1)
                  + " in time (block "
                  + chain.currentBlock()
                  + ")");
        }
        Thread.sleep(Math.max(20, Math.min(500, info.blockIntervalMillis() / 2)));
      }
      target = chainEpoch();
    }
    return runEpoch(target);
  }

  /**
   * Finishes the epochs this validator started and did not finish before the chain's current one (a
   * crash or a slow restart after the chain moved on), oldest first; see {@link
   * EpochPipeline#finishLate}. Returns the reports of those it finished.
   */
  public List<EpochReport> finishInterrupted() throws InterruptedException {
    requireRunning();
    List<EpochReport> reports = new ArrayList<>();
    synchronized (epochLock) {
      long current = chainEpoch();
      for (long epoch : pipeline.interruptedBefore(current)) {
        ValidatorStatus.finishingLate(epoch, current);
        refreshPeers();
        try {
          pipeline.finishLate(epoch).ifPresent(reports::add);
        } catch (RuntimeException e) {
          // Tried again before the next epoch; an old epoch that keeps failing must not stop
          // the current one from running.
          ValidatorStatus.failed(epoch, String.valueOf(e.getMessage()));
        }
      }
    }
    return reports;
  }

  /** Runs (or resumes, or reports) exactly {@code epoch}. */
  public EpochReport runEpoch(long epoch) throws InterruptedException {
    requireRunning();
    synchronized (epochLock) {
      refreshPeers();
      epochHint.set(Math.max(epochHint.get(), epoch));
      EpochReport report = pipeline.run(epoch);
      Optional.ofNullable(stamping).ifPresent(CheckpointStamping::nudge);
      return report;
    }
  }

  /** Runs {@code n} consecutive chain epochs. */
  public List<EpochReport> runEpochs(int n) throws InterruptedException {
    List<EpochReport> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(runEpoch());
    }
    return out;
  }

  private void loop() {
    int ran = 0;
    while (state() == State.RUNNING || state() == State.STARTING) {
      if (maxEpochs > 0 && ran >= maxEpochs) {
        return;
      }
      try {
        runEpoch();
        ran++;
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        ValidatorStatus.failed(epochHint.get(), String.valueOf(e.getMessage()));
        try {
          Thread.sleep(2_000);
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  /** Waits until the epoch loop has run its {@link Builder#maxEpochs} epochs (or was stopped). */
  public void awaitEpochs() throws InterruptedException {
    Thread t = loop;
    if (t != null) {
      t.join();
    }
  }

  private void requireRunning() {
    if (pipeline == null || state() == State.STOPPED || state() == State.STOPPING) {
      throw new IllegalStateException("validator: not running (state " + state() + ")");
    }
  }

  /**
   * Stops at a step boundary: no step starts after this, a step that waits (on miners, models,
   * judges, peers) is interrupted and redone on restart, and a step that writes what cannot be
   * rolled back (anchoring, publishing, weights) is let finish, for {@link #STOP_GRACE} at most;
   * one still running then is interrupted and left as a restart completes it (the anchor plan is
   * stored before the corpus is written).
   */
  @Override
  protected void doStop() {
    // Stamping never holds an epoch, so it stops first: an unanswered calendar is left pending.
    Optional.ofNullable(stamping).ifPresent(CheckpointStamping::close);
    EpochPipeline running = pipeline;
    boolean interruptible = running == null || running.stopAtBoundary();
    Thread t = loop;
    if (t != null) {
      try {
        if (interruptible) {
          t.interrupt();
        }
        t.join(STOP_GRACE.toMillis());
        if (t.isAlive()) {
          ValidatorStatus.stopOverdue(STOP_GRACE);
          t.interrupt();
          t.join(2_000);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    closeQuietly();
    ValidatorStatus.stopped(hotkey());
  }

  private void closeQuietly() {
    Optional.ofNullable(stamping).ifPresent(CheckpointStamping::close);
    Optional.ofNullable(server).ifPresent(ProtocolServer::close);
    Optional.ofNullable(client).ifPresent(ProtocolClient::close);
    Optional.ofNullable(rejudging).ifPresent(RejudgeQueue::close);
    Optional.ofNullable(runPool).ifPresent(ExecutorService::shutdownNow);
    Optional.ofNullable(judges).ifPresent(Judges::close);
    Optional.ofNullable(model).ifPresent(AgentModel::close);
    synchronized (epochLock) {
      Optional.ofNullable(configs).ifPresent(ConfigsRepository::close);
      Optional.ofNullable(worldModelRepository).ifPresent(WorldModelRepository::close);
      Optional.ofNullable(corpus).ifPresent(CorpusAnchor::close);
      Optional.ofNullable(store).ifPresent(ValidatorStore::close);
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * Collects the validator's collaborators. The chain and the transport are required; the agent
   * model, the judges and the state store are opened from the settings unless given. Whatever is
   * given is owned by the service from then on and closed when it stops.
   */
  public static final class Builder {
    private final ValidatorSettings settings;
    private final Signer hotkey;
    private Optional<Ed25519KeyPair> logKey = Optional.empty();
    private Chain chain;
    private Transport transport;
    private Optional<AgentModel> model = Optional.empty();
    private Optional<Judges> judges = Optional.empty();
    private Optional<ValidatorStore> store = Optional.empty();
    private Consumer<ServerSpec.Builder> serverHook = spec -> {};
    private Optional<String> announceHost = Optional.empty();
    private boolean autoEpochs = true;
    private int maxEpochs;
    private EpochListener listener = EpochListener.NONE;
    private MetricsRegistry registry = new MetricsRegistry();
    private Clock clock = Clock.systemUTC();
    private Optional<CheckpointStamper> stamper = Optional.empty();
    private Duration stampEvery = DEFAULT_STAMP_INTERVAL;

    private Builder(ValidatorSettings settings, Signer hotkey) {
      this.settings = settings;
      this.hotkey = hotkey;
    }

    /**
     * The Ed25519 key that signs the corpus log's checkpoints and this validator's cosignatures
     * (C2SP notes are Ed25519). Required for a hotkey of another scheme; an Ed25519 hotkey is its
     * own log key unless one is given.
     */
    public Builder logKey(Ed25519KeyPair key) {
      this.logKey = Optional.of(requireNonNull(key, "key"));
      return this;
    }

    /** The chain: a {@code DevChain} in process, or a {@code RemoteChain} for an endpoint. */
    public Builder chain(Chain chain) {
      this.chain = requireNonNull(chain, "chain");
      return this;
    }

    /** Opens the validator's server and its client (the node passes its network transport). */
    public Builder transport(Transport transport) {
      this.transport = requireNonNull(transport, "transport");
      return this;
    }

    /** The agent model (opened by the node with its endpoint policy and API key). */
    public Builder model(AgentModel model) {
      this.model = Optional.of(requireNonNull(model, "model"));
      return this;
    }

    /** The judges (opened by the node with their concurrency, timeouts and API key). */
    public Builder judges(Judges judges) {
      this.judges = Optional.of(requireNonNull(judges, "judges"));
      return this;
    }

    /** The state store ({@code <home>/validator/state.db} unless given). */
    public Builder store(ValidatorStore store) {
      this.store = Optional.of(requireNonNull(store, "store"));
      return this;
    }

    /** Adds routes to the validator's server (e.g. /healthz, /metrics, the dashboard). */
    public Builder server(Consumer<ServerSpec.Builder> hook) {
      this.serverHook = requireNonNull(hook, "hook");
      return this;
    }

    /** After binding, serve the endpoint {@code host:<bound port>} on the chain if it differs. */
    public Builder announce(String host) {
      this.announceHost = Optional.of(requireNonNull(host, "host"));
      return this;
    }

    /** Whether start() launches the epoch loop (default true). */
    public Builder autoEpochs(boolean enabled) {
      this.autoEpochs = enabled;
      return this;
    }

    /** Epochs the loop runs before it ends (0: forever). */
    public Builder maxEpochs(int epochs) {
      if (epochs < 0) {
        throw new IllegalArgumentException("epochs: " + epochs + " (expected: >= 0)");
      }
      this.maxEpochs = epochs;
      return this;
    }

    public Builder listener(EpochListener listener) {
      this.listener = requireNonNull(listener, "listener");
      return this;
    }

    /** The node's metrics registry; the validator adds its counters and gauges to it. */
    public Builder metrics(MetricsRegistry registry) {
      this.registry = requireNonNull(registry, "registry");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Stamps each new checkpoint with OpenTimestamps calendars, on a background thread that never
     * holds up an epoch: after every epoch and every {@code every}, new checkpoints are submitted,
     * {@code .pending} records retried and pending proofs upgraded. Without this the validator does
     * not stamp (nor contact any calendar).
     */
    public Builder stamping(CheckpointStamper stamper, Duration every) {
      this.stamper = Optional.of(requireNonNull(stamper, "stamper"));
      requireNonNull(every, "every");
      if (every.isNegative() || every.isZero()) {
        throw new IllegalArgumentException("stamp interval: " + every + " (expected: > 0)");
      }
      this.stampEvery = every;
      return this;
    }

    public ValidatorService build() {
      return new ValidatorService(this);
    }
  }
}
