package io.aurelius.validator.service;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.submission.SubmissionQuery;
import io.aurelius.core.transport.ServerLimits;
import io.aurelius.validator.consensus.Quorum;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How a validator runs. Start from {@link #defaults(Path)} and change what differs with the
 * {@code with…} methods; the record's shape is the API the node and the devnet rely on.
 *
 * @param home the node home; the validator keeps {@code validator/state.db}, {@code
 *     validator/corpus.git}, {@code validator/configs.git} and {@code validator/runs/} there
 * @param bind where the HTTP server listens (port 0: any free port)
 * @param models agent model specs, failover order ({@code sim}, {@code openai:URL#MODEL}, …)
 * @param judges judge specs ({@code embedded}, {@code sim}, LLM endpoints)
 * @param seedsPerFraming runs per framing for each configuration
 * @param dlvThreshold the DLV gate for ranking and for approving aenes
 * @param quorum share of validator stake that admits an aene into the corpus
 * @param rejudgeRate share of peers' aenes judged again (the rest endorsed on reputation)
 * @param queryTimeout how long miners have to answer a query
 * @param configBudget wall time one configuration's runs may take together
 * @param consensusWait how long to wait for peers' certificates
 * @param cosignWait how long to keep asking a peer for a cosignature
 * @param maxConfigBytes the largest configuration accepted (canonical bytes of the signed document)
 * @param perColdkey submissions admitted per coldkey per epoch
 * @param maxProposals aenes this validator puts forward per epoch at most
 * @param corpusOrigin the corpus log's origin line (the same for every validator of a subnet)
 * @param limits the HTTP server's limits
 */
public record ValidatorSettings(Path home, InetSocketAddress bind, List<String> models, List<String> judges,
    int seedsPerFraming, double dlvThreshold, Quorum quorum, double rejudgeRate, Duration queryTimeout,
    Duration configBudget, Duration consensusWait, Duration cosignWait, int maxConfigBytes, int perColdkey,
    int maxProposals, String corpusOrigin, ServerLimits limits) {
  public ValidatorSettings {
    requireNonNull(home, "home");
    requireNonNull(bind, "bind");
    models = List.copyOf(models);
    judges = List.copyOf(judges);
    requireNonNull(quorum, "quorum");
    requireNonNull(queryTimeout, "queryTimeout");
    requireNonNull(configBudget, "configBudget");
    requireNonNull(consensusWait, "consensusWait");
    requireNonNull(cosignWait, "cosignWait");
    requireNonNull(corpusOrigin, "corpusOrigin");
    requireNonNull(limits, "limits");
    check(!models.isEmpty(), "models: none (expected: sim, openai:URL#MODEL or ollama:URL#MODEL)");
    check(!judges.isEmpty(), "judges: none (expected: embedded, sim or an LLM endpoint)");
    check(seedsPerFraming >= 1 && seedsPerFraming <= 64, "seeds: " + seedsPerFraming + " (expected: 1..64)");
    check(dlvThreshold >= 0 && dlvThreshold <= 1, "dlv threshold: " + dlvThreshold + " (expected: 0..1)");
    check(rejudgeRate >= 0 && rejudgeRate <= 1, "re-judge rate: " + rejudgeRate + " (expected: 0..1)");
    check(maxConfigBytes >= 1 && maxConfigBytes <= SubmissionQuery.MAX_CONFIG_BYTES,
        "max config bytes: " + maxConfigBytes + " (expected: 1.." + SubmissionQuery.MAX_CONFIG_BYTES + ")");
    check(perColdkey >= 1, "submissions per coldkey: " + perColdkey + " (expected: at least 1)");
    check(maxProposals >= 0 && maxProposals <= 100_000, "max proposals: " + maxProposals + " (expected: 0..100000)");
    for (Duration d : List.of(queryTimeout, configBudget, consensusWait, cosignWait)) {
      check(!d.isNegative(), "duration: " + d + " (expected: not negative)");
    }
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  public static ValidatorSettings defaults(Path home) {
    return new ValidatorSettings(home, new InetSocketAddress("127.0.0.1", 0), List.of("sim"),
        List.of("embedded", "sim"), 2, 0.4, Quorum.TWO_THIRDS, 1.0, Duration.ofSeconds(12), Duration.ofMinutes(5),
        Duration.ofSeconds(60), Duration.ofSeconds(20), SubmissionQuery.MAX_CONFIG_BYTES, 4, 512,
        "aurelius.dev/corpus", ServerLimits.defaults());
  }

  public Path validatorDir() {
    return home.resolve("validator");
  }

  public ValidatorSettings withBind(InetSocketAddress v) {
    return new ValidatorSettings(home, v, models, judges, seedsPerFraming, dlvThreshold, quorum, rejudgeRate,
        queryTimeout, configBudget, consensusWait, cosignWait, maxConfigBytes, perColdkey, maxProposals, corpusOrigin,
        limits);
  }

  public ValidatorSettings withModels(List<String> v) {
    return new ValidatorSettings(home, bind, v, judges, seedsPerFraming, dlvThreshold, quorum, rejudgeRate,
        queryTimeout, configBudget, consensusWait, cosignWait, maxConfigBytes, perColdkey, maxProposals, corpusOrigin,
        limits);
  }

  public ValidatorSettings withJudges(List<String> v) {
    return new ValidatorSettings(home, bind, models, v, seedsPerFraming, dlvThreshold, quorum, rejudgeRate,
        queryTimeout, configBudget, consensusWait, cosignWait, maxConfigBytes, perColdkey, maxProposals, corpusOrigin,
        limits);
  }

  public ValidatorSettings withSeeds(int v) {
    return new ValidatorSettings(home, bind, models, judges, v, dlvThreshold, quorum, rejudgeRate,
        queryTimeout, configBudget, consensusWait, cosignWait, maxConfigBytes, perColdkey, maxProposals, corpusOrigin,
        limits);
  }

  public ValidatorSettings withDlvThreshold(double v) {
    return new ValidatorSettings(home, bind, models, judges, seedsPerFraming, v, quorum, rejudgeRate,
        queryTimeout, configBudget, consensusWait, cosignWait, maxConfigBytes, perColdkey, maxProposals, corpusOrigin,
        limits);
  }

  public ValidatorSettings withQuorum(Quorum v) {
    return new ValidatorSettings(home, bind, models, judges, seedsPerFraming, dlvThreshold, v, rejudgeRate,
        queryTimeout, configBudget, consensusWait, cosignWait, maxConfigBytes, perColdkey, maxProposals, corpusOrigin,
        limits);
  }

  public ValidatorSettings withRejudgeRate(double v) {
    return new ValidatorSettings(home, bind, models, judges, seedsPerFraming, dlvThreshold, quorum, v,
        queryTimeout, configBudget, consensusWait, cosignWait, maxConfigBytes, perColdkey, maxProposals, corpusOrigin,
        limits);
  }

  /** Miners' answer time, a configuration's simulation budget, and the waits for peers. */
  public ValidatorSettings withTimeouts(Duration query, Duration config, Duration consensus, Duration cosign) {
    return new ValidatorSettings(home, bind, models, judges, seedsPerFraming, dlvThreshold, quorum, rejudgeRate,
        query, config, consensus, cosign, maxConfigBytes, perColdkey, maxProposals, corpusOrigin, limits);
  }

  public ValidatorSettings withMaxProposals(int v) {
    return new ValidatorSettings(home, bind, models, judges, seedsPerFraming, dlvThreshold, quorum, rejudgeRate,
        queryTimeout, configBudget, consensusWait, cosignWait, maxConfigBytes, perColdkey, v, corpusOrigin, limits);
  }

  public ValidatorSettings withCorpusOrigin(String v) {
    return new ValidatorSettings(home, bind, models, judges, seedsPerFraming, dlvThreshold, quorum, rejudgeRate,
        queryTimeout, configBudget, consensusWait, cosignWait, maxConfigBytes, perColdkey, maxProposals, v, limits);
  }

  public ValidatorSettings withLimits(ServerLimits v) {
    return new ValidatorSettings(home, bind, models, judges, seedsPerFraming, dlvThreshold, quorum, rejudgeRate,
        queryTimeout, configBudget, consensusWait, cosignWait, maxConfigBytes, perColdkey, maxProposals, corpusOrigin,
        v);
  }
}
