package io.aurelius.validator.service;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.submission.SubmissionQuery;
import io.aurelius.core.transport.ServerLimits;
import io.aurelius.judge.api.JudgeSetup;
import io.aurelius.validator.consensus.Quorum;
import io.aurelius.validator.modules.ModuleSettings;
import io.aurelius.validator.trust.TrustPolicy;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How a validator runs. Start from {@link #defaults(Path)} and change what differs with the {@code
 * with…} methods; the record's shape is the API the node and the devnet rely on.
 *
 * @param home the node home; the validator keeps {@code validator/state.db}, {@code
 *     validator/corpus.git}, {@code validator/configs.git} and {@code validator/runs/} there
 * @param bind where the HTTP server listens (port 0: any free port)
 * @param models agent model specs, failover order ({@code sim}, {@code openai:URL#MODEL}, …)
 * @param judging the judges, the DLV gate, and how judge calls run (threads, timeout, tries, key)
 * @param seedsPerFraming runs per framing for each configuration
 * @param quorum share of validator stake that admits an aene into the corpus
 * @param rejudgeRate share of peers' aenes judged again (the rest endorsed on reputation)
 * @param rejudgeWorkers peers' proposal batches re-judged at once (their judge calls share the
 *     judges' threads)
 * @param deadlines how long miners, peers' verdicts, certificates and cosignatures may take
 * @param maxConfigBytes the largest configuration accepted (canonical bytes of the signed document)
 * @param perColdkey submissions admitted per coldkey per epoch
 * @param maxProposals aenes this validator puts forward per epoch at most
 * @param corpusOrigin the corpus log's origin line (the same for every validator of a subnet)
 * @param limits the HTTP server's limits
 * @param trust how validator trust moves and scales stake in the quorum
 * @param alwaysApprove a dishonest validator for demonstrations: it proposes every aene it ran and
 *     approves every aene it is asked about, each with probability 1 − ε
 * @param covenant the covenant log whose ULFR weights the epochs score with, if any
 * @param modules the world-model quorum (a higher bar than the corpus quorum), the module authors'
 *     reward and the suite the epoch trials run
 */
public record ValidatorSettings(
    Path home,
    InetSocketAddress bind,
    List<String> models,
    JudgeSetup judging,
    int seedsPerFraming,
    Quorum quorum,
    double rejudgeRate,
    int rejudgeWorkers,
    Deadlines deadlines,
    int maxConfigBytes,
    int perColdkey,
    int maxProposals,
    String corpusOrigin,
    ServerLimits limits,
    TrustPolicy trust,
    boolean alwaysApprove,
    Optional<Path> covenant,
    ModuleSettings modules) {
  public ValidatorSettings {
    requireNonNull(modules, "modules");
    requireNonNull(covenant, "covenant");
    requireNonNull(home, "home");
    requireNonNull(bind, "bind");
    models = List.copyOf(models);
    requireNonNull(judging, "judging");
    requireNonNull(quorum, "quorum");
    requireNonNull(deadlines, "deadlines");
    requireNonNull(corpusOrigin, "corpusOrigin");
    requireNonNull(limits, "limits");
    requireNonNull(trust, "trust");
    check(!models.isEmpty(), "models: none (expected: sim, openai:URL#MODEL or ollama:URL#MODEL)");
    check(
        seedsPerFraming >= 1 && seedsPerFraming <= 64,
        "seeds: " + seedsPerFraming + " (expected: 1..64)");
    check(
        rejudgeRate >= 0 && rejudgeRate <= 1,
        "re-judge rate: " + rejudgeRate + " (expected: 0..1)");
    check(
        rejudgeWorkers >= 1 && rejudgeWorkers <= 64,
        "re-judge workers: " + rejudgeWorkers + " (expected: 1..64)");
    check(
        maxConfigBytes >= 1 && maxConfigBytes <= SubmissionQuery.MAX_CONFIG_BYTES,
        "max config bytes: "
            + maxConfigBytes
            + " (expected: 1.."
            + SubmissionQuery.MAX_CONFIG_BYTES
            + ")");
    check(perColdkey >= 1, "submissions per coldkey: " + perColdkey + " (expected: at least 1)");
    check(
        maxProposals >= 0 && maxProposals <= 100_000,
        "max proposals: " + maxProposals + " (expected: 0..100000)");
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  public static ValidatorSettings defaults(Path home) {
    return new ValidatorSettings(
        home,
        new InetSocketAddress("127.0.0.1", 0),
        List.of("sim"),
        JudgeSetup.defaults(List.of("embedded", "sim"), 0.4),
        2,
        Quorum.TWO_THIRDS,
        1.0,
        2,
        Deadlines.defaults(),
        SubmissionQuery.MAX_CONFIG_BYTES,
        4,
        512,
        "aurelius.dev/corpus",
        ServerLimits.defaults(),
        TrustPolicy.DEFAULT,
        false,
        Optional.empty(),
        ModuleSettings.DEFAULTS);
  }

  public Path validatorDir() {
    return home.resolve("validator");
  }

  public double dlvThreshold() {
    return judging.dlvThreshold();
  }

  /**
   * The covenant log (a bare git repository) whose {@code parameters.ulfr} weights each epoch
   * scores with, read at every epoch start; without one, {@code ulfr-v1}.
   */
  public ValidatorSettings withCovenant(Path v) {
    return with(c -> c.covenant = Optional.of(v));
  }

  /** The module quorum, its consecutive rounds and the module authors' reward. */
  public ValidatorSettings withModules(ModuleSettings v) {
    return with(c -> c.modules = v);
  }

  public ValidatorSettings withBind(InetSocketAddress v) {
    return with(c -> c.bind = v);
  }

  public ValidatorSettings withModels(List<String> v) {
    return with(c -> c.models = v);
  }

  public ValidatorSettings withJudging(JudgeSetup v) {
    return with(c -> c.judging = v);
  }

  /** The judge specs, keeping the DLV gate and how calls run. */
  public ValidatorSettings withJudges(List<String> specs) {
    return withJudging(judging.withSpecs(specs));
  }

  public ValidatorSettings withDlvThreshold(double v) {
    return withJudging(judging.withDlvThreshold(v));
  }

  public ValidatorSettings withSeeds(int v) {
    return with(c -> c.seedsPerFraming = v);
  }

  public ValidatorSettings withQuorum(Quorum v) {
    return with(c -> c.quorum = v);
  }

  public ValidatorSettings withRejudgeRate(double v) {
    return with(c -> c.rejudgeRate = v);
  }

  public ValidatorSettings withRejudgeWorkers(int v) {
    return with(c -> c.rejudgeWorkers = v);
  }

  public ValidatorSettings withDeadlines(Deadlines v) {
    return with(c -> c.deadlines = v);
  }

  /** Miners' answer time, a configuration's simulation budget, and the waits for peers. */
  public ValidatorSettings withTimeouts(
      Duration query, Duration config, Duration consensus, Duration cosign) {
    return withDeadlines(
        deadlines
            .withQuery(query)
            .withConfigBudget(config)
            .withConsensus(consensus)
            .withCosign(cosign));
  }

  public ValidatorSettings withMaxProposals(int v) {
    return with(c -> c.maxProposals = v);
  }

  public ValidatorSettings withCorpusOrigin(String v) {
    return with(c -> c.corpusOrigin = v);
  }

  public ValidatorSettings withLimits(ServerLimits v) {
    return with(c -> c.limits = v);
  }

  public ValidatorSettings withTrust(TrustPolicy v) {
    return with(c -> c.trust = v);
  }

  public ValidatorSettings withAlwaysApprove(boolean v) {
    return with(c -> c.alwaysApprove = v);
  }

  /** A copy with one change; the compact constructor checks the result like any other. */
  private ValidatorSettings with(Consumer<Copy> change) {
    Copy c = new Copy(this);
    change.accept(c);
    return new ValidatorSettings(
        c.home,
        c.bind,
        c.models,
        c.judging,
        c.seedsPerFraming,
        c.quorum,
        c.rejudgeRate,
        c.rejudgeWorkers,
        c.deadlines,
        c.maxConfigBytes,
        c.perColdkey,
        c.maxProposals,
        c.corpusOrigin,
        c.limits,
        c.trust,
        c.alwaysApprove,
        c.covenant,
        c.modules);
  }

  /** The components, as fields a {@code with…} method changes one of. */
  private static final class Copy {
    Path home;
    InetSocketAddress bind;
    List<String> models;
    JudgeSetup judging;
    int seedsPerFraming;
    Quorum quorum;
    double rejudgeRate;
    int rejudgeWorkers;
    Deadlines deadlines;
    int maxConfigBytes;
    int perColdkey;
    int maxProposals;
    String corpusOrigin;
    ServerLimits limits;
    TrustPolicy trust;
    boolean alwaysApprove;
    Optional<Path> covenant;
    ModuleSettings modules;

    Copy(ValidatorSettings s) {
      home = s.home;
      bind = s.bind;
      models = s.models;
      judging = s.judging;
      seedsPerFraming = s.seedsPerFraming;
      quorum = s.quorum;
      rejudgeRate = s.rejudgeRate;
      rejudgeWorkers = s.rejudgeWorkers;
      deadlines = s.deadlines;
      maxConfigBytes = s.maxConfigBytes;
      perColdkey = s.perColdkey;
      maxProposals = s.maxProposals;
      covenant = s.covenant;
      corpusOrigin = s.corpusOrigin;
      limits = s.limits;
      trust = s.trust;
      alwaysApprove = s.alwaysApprove;
      modules = s.modules;
    }
  }
}
