package io.aurelius.validator.epoch;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.lint.OpacityLint;
import io.aurelius.config.module.ModuleRegistry;
import io.aurelius.config.module.ModuleSet;
import io.aurelius.config.submission.SubmissionVerifier;
import io.aurelius.core.chain.Chain;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.transport.ProtocolClient;
import io.aurelius.judge.api.Judges;
import io.aurelius.validator.consensus.ConsensusBook;
import io.aurelius.validator.consensus.ConsensusRound;
import io.aurelius.validator.consensus.PeerReputation;
import io.aurelius.validator.consensus.Quorum;
import io.aurelius.validator.modules.BenchmarkSuite;
import io.aurelius.validator.modules.ModuleQuorum;
import io.aurelius.validator.modules.ModuleRewards;
import io.aurelius.validator.modules.ModuleSettings;
import io.aurelius.validator.modules.ModuleTrial;
import io.aurelius.validator.modules.ModuleVerdictBook;
import io.aurelius.validator.modules.TrialReport;
import io.aurelius.validator.modules.WorldModelLedger;
import io.aurelius.validator.publish.ConfigsRepository;
import io.aurelius.validator.publish.CorpusAnchor;
import io.aurelius.validator.store.ValidatorStore;
import io.aurelius.validator.trust.TrustBook;
import io.aurelius.validator.trust.TrustPolicy;
import io.aurelius.worldmodel.agent.AgentModel;
import io.aurelius.worldmodel.outcome.UlfrWeights;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs one epoch through its steps (docs/architecture.md §2), each an {@link EpochStep} given only
 * what it works on and passing its output to the next: {@link SyncStep}, {@link AdmitStep}, {@link
 * SimulateStep}, {@link ScoreStep}, {@link VerdictStep}, {@link ConsensusStep}, {@link AnchorStep},
 * {@link CosignStep}, {@link PublishStep}, {@link WeightStep}. Each step records its output before
 * the next begins, so {@link #run} on an epoch that was cut short resumes it, and on a finished
 * epoch only rebuilds its report. {@link #stopAtBoundary} stops it between two steps.
 */
public final class EpochPipeline {
  /**
   * Steps a stop lets finish rather than interrupt: they write what the state store cannot roll
   * back (the corpus log, the configurations repository, the chain), and each is short. The others
   * wait on miners, models, judges and peers, and an interrupted wait is redone on restart.
   */
  private static final Set<String> FINISH_ON_STOP =
      Set.of(Steps.ANCHOR, Steps.PUBLISH, Steps.WEIGHTS);

  private final ValidatorStore store;
  private final EpochListener listener;
  private final SyncStep sync;
  private final AdmitStep admit;
  private final SimulateStep simulate;
  private final ScoreStep score;
  private final VerdictStep verdicts;
  private final ConsensusStep consensus;
  private final AnchorStep anchor;
  private final CosignStep cosign;
  private final PublishStep publish;
  private final WeightStep weights;
  private final ModuleStep modules; // null without a world-model registry
  private final ReportBuilder reports;
  private final Supplier<UlfrWeights> ulfr;
  private final AtomicInteger pendingAenes = new AtomicInteger();
  private final Object stepLock = new Object();
  private String running; // guarded by stepLock: the step running now, null between steps
  private boolean stopping; // guarded by stepLock

  private EpochPipeline(Builder b) {
    this.store = requireNonNull(b.store, "store");
    this.listener = b.listener;
    Chain chain = requireNonNull(b.chain, "chain");
    Signer key = requireNonNull(b.key, "key");
    ProtocolClient client = requireNonNull(b.client, "client");
    CorpusAnchor corpus = requireNonNull(b.corpus, "corpus");
    ConsensusBook book = requireNonNull(b.book, "book");
    KeyId self = KeyId.of(key.publicKey());
    ConsensusRound round = new ConsensusRound(client, book, b.peerCall, b.verdictWait);
    this.sync = new SyncStep(store, chain, listener);
    this.admit =
        new AdmitStep(
            store,
            new MinerQueries(
                client,
                SubmissionVerifier.defaults(),
                b.clock,
                b.queryTimeout,
                b.maxConfigBytes,
                b.worldModel),
            new ModuleQueries(
                client,
                SubmissionVerifier.defaults(),
                b.clock,
                b.queryTimeout,
                b.maxConfigBytes,
                b.worldModel),
            new Admission(OpacityLint.bundled(), b.perColdkey, b.judges::qualityGate),
            listener);
    this.simulate =
        new SimulateStep(
            store,
            new Simulation(
                requireNonNull(b.model, "model"),
                requireNonNull(b.runPool, "runPool"),
                b.seeds,
                b.configBudget),
            requireNonNull(b.runsDir, "runsDir"),
            listener,
            b.worldModel);
    this.score =
        new ScoreStep(
            store,
            requireNonNull(b.judges, "judges"),
            CanarySecrets.of(store),
            key,
            b.maxProposals,
            b.alwaysApprove,
            listener);
    this.verdicts = new VerdictStep(store, book, round, self, listener);
    this.consensus =
        new ConsensusStep(store, book, round, self, b.quorum, b.trust, b.consensusWait, listener);
    this.anchor = new AnchorStep(store, book, corpus, listener);
    this.cosign =
        new CosignStep(
            store,
            client,
            corpus,
            self,
            b.cosignWait,
            b.cosignWait.compareTo(b.peerCall) < 0 ? b.cosignWait : b.peerCall,
            listener);
    this.publish = new PublishStep(store, requireNonNull(b.configs, "configs"), listener);
    this.weights =
        b.registry == null
            ? new WeightStep(store, chain, key, listener)
            : new WeightStep(
                store, chain, key, listener, moduleShare(store, b.registry, b.moduleSettings));
    this.modules =
        b.registry == null
            ? null
            : new ModuleStep(
                store,
                b.ledger == null ? WorldModelLedger.of(b.registry) : b.ledger,
                trial(b.model, b.judges, CanarySecrets.of(store), b.suites),
                new ModuleQuorum(b.moduleSettings),
                b.moduleSettings.consecutiveEpochs(),
                key,
                client,
                b.consensusWait,
                listener,
                Optional.of(b.runsDir.resolveSibling("module-trials")));
    this.reports = new ReportBuilder(store, corpus);
    this.ulfr = b.ulfr;
  }

  /** The module authors' share of an epoch's weights, from the adoptions this validator made. */
  private static java.util.function.LongFunction<Map<KeyId, Double>> moduleShare(
      ValidatorStore store, ModuleRegistry registry, ModuleSettings settings) {
    ModuleVerdictBook book = new ModuleVerdictBook(store);
    ModuleRewards rewards = new ModuleRewards(settings);
    return epoch -> {
      ModuleSet set = registry.set();
      List<ModuleRewards.Adopted> adopted = new java.util.ArrayList<>();
      book.adoptions()
          .forEach(
              (id, when) ->
                  set.find(io.aurelius.core.hash.ContentId.parse(id))
                      .ifPresent(m -> adopted.add(new ModuleRewards.Adopted(m, when))));
      return rewards.weights(adopted, set, epoch);
    };
  }

  /**
   * The real A/B trial: the suite for the current world model, run with the validator's model and
   * judged by its judges.
   */
  private static ModuleStep.Trial trial(
      AgentModel model,
      Judges judges,
      CanarySecrets secrets,
      Function<ModuleSet, BenchmarkSuite> suites) {
    ModuleTrial trial = new ModuleTrial(model, judges, secrets.forRejudging("module-trial"));
    return (current, candidate) -> {
      BenchmarkSuite suite = suites.apply(current);
      long started = System.nanoTime();
      TrialReport report = trial.run(suite, current, candidate);
      int runs = suite.configurations().size() * suite.seeds().size() * 2 * 2;
      String cost =
          String.format(
              java.util.Locale.ROOT,
              "suite: %d configurations x %d seeds x 2 framings x 2 arms = %d runs (+%d to warm"
                  + " up) in %.1f s%n",
              suite.configurations().size(),
              suite.seeds().size(),
              runs,
              ModuleTrial.WARM_UP_RUNS,
              (System.nanoTime() - started) / 1e9);
      return new ModuleStep.Trialled(report.passed(), report.table() + cost);
    };
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Every validator's trust as this validator holds it now (neutral before any decision). */
  public TrustBook trust() {
    return ConsensusStep.trustBook(store);
  }

  /** Admitted configurations of the running epoch not yet simulated (a queue depth). */
  public int pendingSimulations() {
    return simulate.pending();
  }

  /** This epoch's proposed aenes not yet through consensus (a queue depth). */
  public int pendingAenes() {
    return pendingAenes.get();
  }

  public boolean finished(long epoch) {
    return store.done(epoch, Steps.DONE);
  }

  /** The reports of the newest {@code limit} finished epochs, newest first, from the store. */
  public List<EpochReport> history(int limit) {
    return store.epochsWith(Steps.DONE, limit).stream().map(reports::build).toList();
  }

  /**
   * Epochs before {@code epoch} that were started but neither finished nor abandoned, oldest first:
   * what a validator restarted after the chain moved on still owes.
   */
  public List<Long> interruptedBefore(long epoch) {
    return store.epochsUnsettled(Steps.SYNC, List.of(Steps.DONE, Steps.ABANDONED), epoch);
  }

  /**
   * Finishes {@code epoch}, cut short while the chain has since moved on. Once consensus has
   * accepted its aenes, nothing that remains needs the epoch to be current: they are anchored (from
   * the stored plan if there is one), cosigned, published, and the epoch's weights sent, with the
   * chain's receipt recorded whether it took them or not. An epoch cut short before consensus is
   * abandoned, and recorded so: its verdict exchange with the other validators is over, and it has
   * accepted no aene to lose.
   */
  public Optional<EpochReport> finishLate(long epoch) throws InterruptedException {
    if (store.done(epoch, Steps.CONSENSUS)) {
      return Optional.of(run(epoch));
    }
    String last =
        List.of(Steps.VERDICTS, Steps.SCORE, Steps.SIMULATE, Steps.ADMIT, Steps.SYNC).stream()
            .filter(step -> store.done(epoch, step))
            .findFirst()
            .orElse(Steps.SYNC);
    String reason = "cut short after " + last + ", before consensus; the chain has moved on";
    store.atomically(
        tx -> {
          tx.putItem(epoch, Steps.ABANDONED, "reason", reason.getBytes(StandardCharsets.UTF_8));
          tx.markDone(epoch, Steps.ABANDONED);
          return null;
        });
    listener.step(epoch, Steps.ABANDONED, reason);
    return Optional.empty();
  }

  public EpochReport run(long epoch) throws InterruptedException {
    if (epoch < 0) {
      throw new IllegalArgumentException("epoch: " + epoch + " (expected: >= 0)");
    }
    boolean resumed = store.done(epoch, Steps.SYNC) && !store.done(epoch, Steps.DONE);
    listener.started(epoch, resumed);
    // The weights in force at the epoch's start; an epoch already scored keeps its stored scores,
    // which name the weights they were made with, and does not read the covenant again.
    UlfrWeights ulfr = store.done(epoch, Steps.SCORE) ? UlfrWeights.V1 : this.ulfr.get();
    MetagraphSnapshot graph = step(epoch, sync, EpochStep.None.NONE);
    Submissions submissions = step(epoch, admit, graph);
    Simulations simulations = step(epoch, simulate, submissions);
    Records.Scored scored =
        step(epoch, score, new ScoreStep.Input(graph, submissions, simulations, ulfr));
    pendingAenes.set(store.done(epoch, Steps.CONSENSUS) ? 0 : scored.proposals());
    try {
      Records.Reached reached = step(epoch, verdicts, graph);
      Records.Agreed agreed = step(epoch, consensus, new ConsensusStep.Input(graph, reached));
      Records.Anchored anchored = step(epoch, anchor, new AnchorStep.Input(graph, agreed));
      step(epoch, cosign, new CosignStep.Input(graph, reached, anchored));
    } finally {
      pendingAenes.set(0);
    }
    step(epoch, publish, new PublishStep.Input(submissions, scored));
    if (modules != null) {
      step(epoch, modules, new ModuleStep.Input(graph, submissions));
    }
    step(epoch, weights, new WeightStep.Input(graph, scored));
    store.markDone(epoch, Steps.DONE);
    EpochReport report = reports.build(epoch);
    listener.finished(report);
    return report;
  }

  /** Runs one step unless a stop was asked for; a stop never lands between two of them. */
  private <I, O> O step(long epoch, EpochStep<I, O> step, I input) throws InterruptedException {
    synchronized (stepLock) {
      if (stopping) {
        throw new InterruptedException(
            "epoch " + epoch + ": stopped before step " + step.name() + " (a restart resumes it)");
      }
      running = step.name();
    }
    try {
      listener.stepStarting(epoch, step.name());
      return step.run(epoch, input);
    } finally {
      synchronized (stepLock) {
        running = null;
      }
    }
  }

  /**
   * Stops the epoch at its next step boundary: no step starts after this call. Returns whether the
   * step running now (if any) may be interrupted; if not, the caller waits for it to finish, as it
   * writes what cannot be rolled back (see {@link #FINISH_ON_STOP}).
   */
  public boolean stopAtBoundary() {
    synchronized (stepLock) {
      stopping = true;
      return running == null || !FINISH_ON_STOP.contains(running);
    }
  }

  /** Peers' reputations as this validator holds them now. */
  public static PeerReputation peerReputation(ValidatorStore store) {
    return ConsensusStep.peerReputation(store);
  }

  /** The judges' reputations after the last scored epoch (empty before the first). */
  public static Map<String, Double> judgeReputation(ValidatorStore store) {
    return ScoreStep.judgeReputation(store);
  }

  /** What the steps are built from; each step takes only its part. */
  public static final class Builder {
    private ValidatorStore store;
    private Chain chain;
    private Signer key;
    private ProtocolClient client;
    private Judges judges;
    private AgentModel model;
    private ExecutorService runPool;
    private ConsensusBook book;
    private CorpusAnchor corpus;
    private ConfigsRepository configs;
    private Path runsDir;
    private Clock clock = Clock.systemUTC();
    private EpochListener listener = EpochListener.NONE;
    private int seeds = 2;
    private int maxConfigBytes = io.aurelius.config.submission.SubmissionQuery.MAX_CONFIG_BYTES;
    private int perColdkey = 4;
    private int maxProposals = 512;
    private Quorum quorum = Quorum.TWO_THIRDS;
    private TrustPolicy trust = TrustPolicy.DEFAULT;
    private Supplier<UlfrWeights> ulfr = () -> UlfrWeights.V1;
    private boolean alwaysApprove;
    private Duration queryTimeout = Duration.ofSeconds(12);
    private Duration configBudget = Duration.ofMinutes(5);
    private Duration verdictWait = Duration.ofMinutes(15);
    private Duration consensusWait = Duration.ofSeconds(60);
    private Duration cosignWait = Duration.ofSeconds(20);
    private Duration peerCall = Duration.ofSeconds(30);
    private Supplier<ModuleSet> worldModel = () -> ModuleSet.BASE;
    private ModuleRegistry registry;
    private WorldModelLedger ledger;
    private Function<ModuleSet, BenchmarkSuite> suites;
    private ModuleSettings moduleSettings = ModuleSettings.DEFAULTS;

    private Builder() {}

    /** The state store every step records its output in. */
    public Builder store(ValidatorStore v) {
      this.store = v;
      return this;
    }

    /** Read by the sync step; weights are set on it. */
    public Builder chain(Chain v) {
      this.chain = v;
      return this;
    }

    /** Signs verdicts and weights, and derives the judges' canary secrets. */
    public Builder key(Signer v) {
      this.key = v;
      return this;
    }

    /** Calls miners, peers' verdict routes and their cosign routes. */
    public Builder client(ProtocolClient v) {
      this.client = v;
      return this;
    }

    public Builder judges(Judges v) {
      this.judges = v;
      return this;
    }

    /** The agent model, and the pool the runs of one configuration share. */
    public Builder simulation(
        AgentModel model, ExecutorService runPool, Path runsDir, int seedsPerFraming) {
      this.model = model;
      this.runPool = runPool;
      this.runsDir = runsDir;
      this.seeds = seedsPerFraming;
      return this;
    }

    /** Proposals and verdicts of the exchange. */
    public Builder book(ConsensusBook v) {
      this.book = v;
      return this;
    }

    /** Where accepted aenes are anchored, and where passing configurations are published. */
    public Builder publishing(CorpusAnchor corpus, ConfigsRepository configs) {
      this.corpus = corpus;
      this.configs = configs;
      return this;
    }

    /** Admission's limits: configuration size, submissions per coldkey. */
    public Builder admission(int maxConfigBytes, int perColdkey) {
      this.maxConfigBytes = maxConfigBytes;
      this.perColdkey = perColdkey;
      return this;
    }

    /** The stake share that admits an aene, and the aenes this validator proposes at most. */
    public Builder consensus(Quorum quorum, int maxProposals) {
      this.quorum = requireNonNull(quorum, "quorum");
      this.maxProposals = maxProposals;
      return this;
    }

    /** How validator trust moves and weighs in the quorum. */
    public Builder trust(TrustPolicy v) {
      this.trust = requireNonNull(v, "trust");
      return this;
    }

    /**
     * Where the ULFR weights in force come from, read at the start of every epoch (default {@code
     * ulfr-v1}); a validator with a covenant reads them from it ({@code CovenantUlfr}).
     */
    public Builder ulfr(Supplier<UlfrWeights> v) {
      this.ulfr = requireNonNull(v, "ulfr");
      return this;
    }

    /** A dishonest validator for demonstrations: proposes every aene it ran, at 1 − ε. */
    public Builder alwaysApprove(boolean v) {
      this.alwaysApprove = v;
      return this;
    }

    /**
     * The waits: miners' answers, a configuration's runs, the verdict exchange (peers re-judge with
     * their own judges), certificates, cosignatures, and any one call to a peer.
     */
    public Builder deadlines(
        Duration query,
        Duration configBudget,
        Duration verdicts,
        Duration consensus,
        Duration cosign,
        Duration peerCall) {
      this.queryTimeout = requireNonNull(query, "query");
      this.configBudget = requireNonNull(configBudget, "configBudget");
      this.verdictWait = requireNonNull(verdicts, "verdicts");
      this.consensusWait = requireNonNull(consensus, "consensus");
      this.cosignWait = requireNonNull(cosign, "cosign");
      this.peerCall = requireNonNull(peerCall, "peerCall");
      return this;
    }

    /**
     * The validator's world model (default: none, version 0, and no module step): submitted
     * configurations import from it, submitted modules are trialled on {@code suite} against it,
     * and the modules the quorum of {@code settings} adopts are appended to it.
     */
    public Builder worldModel(
        ModuleRegistry registry, BenchmarkSuite suite, ModuleSettings settings) {
      requireNonNull(suite, "suite");
      return worldModel(registry, current -> suite, settings);
    }

    /**
     * As {@link #worldModel(ModuleRegistry, BenchmarkSuite, ModuleSettings)}, with the suite made
     * for each trial from the world model it runs against (a sample of the configurations accepted
     * by then, see {@link BenchmarkSuite#epoch}).
     */
    public Builder worldModel(
        ModuleRegistry registry,
        Function<ModuleSet, BenchmarkSuite> suites,
        ModuleSettings settings) {
      this.registry = requireNonNull(registry, "registry");
      this.suites = requireNonNull(suites, "suites");
      this.moduleSettings = requireNonNull(settings, "settings");
      this.worldModel = registry::set;
      return this;
    }

    /**
     * Where adoptions go besides the registry of {@link #worldModel} (default: nowhere): the
     * ledger's registry must be that registry.
     */
    public Builder adoptInto(WorldModelLedger v) {
      this.ledger = requireNonNull(v, "ledger");
      return this;
    }

    public Builder clock(Clock v) {
      this.clock = requireNonNull(v, "clock");
      return this;
    }

    public Builder listener(EpochListener v) {
      this.listener = requireNonNull(v, "listener");
      return this;
    }

    public EpochPipeline build() {
      return new EpochPipeline(this);
    }
  }
}
