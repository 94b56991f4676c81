package io.aurelius.validator.epoch;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.lint.OpacityLint;
import io.aurelius.config.submission.SubmissionVerifier;
import io.aurelius.core.chain.Chain;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.transport.ProtocolClient;
import io.aurelius.validator.consensus.ConsensusBook;
import io.aurelius.validator.consensus.ConsensusRound;
import io.aurelius.validator.consensus.Quorum;
import io.aurelius.validator.publish.ConfigsRepository;
import io.aurelius.validator.publish.CorpusAnchor;
import io.aurelius.validator.store.ValidatorStore;
import io.aurelius.worldmodel.agent.AgentModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

/**
 * Everything the epoch's steps use, built once by the service.
 *
 * @param runsDir where transcripts are kept, one file per epoch and configuration
 */
public record EpochContext(ValidatorStore store, Chain chain, Signer key, ProtocolClient client,
    Judging judging, AgentModel model, ExecutorService runPool, ConsensusBook book, CorpusAnchor corpus,
    ConfigsRepository configs, Path runsDir, Clock clock, Knobs knobs) {
  public EpochContext {
    requireNonNull(store, "store");
    requireNonNull(chain, "chain");
    requireNonNull(key, "key");
    requireNonNull(client, "client");
    requireNonNull(judging, "judging");
    requireNonNull(model, "model");
    requireNonNull(runPool, "runPool");
    requireNonNull(book, "book");
    requireNonNull(corpus, "corpus");
    requireNonNull(configs, "configs");
    requireNonNull(runsDir, "runsDir");
    requireNonNull(clock, "clock");
    requireNonNull(knobs, "knobs");
  }

  /** The numbers that shape an epoch (from the validator's settings). */
  public record Knobs(int seeds, Duration queryTimeout, Duration configBudget, int maxConfigBytes, int perColdkey,
      Quorum quorum, Duration consensusWait, Duration cosignWait, int maxProposals) {
    public Knobs {
      requireNonNull(queryTimeout, "queryTimeout");
      requireNonNull(configBudget, "configBudget");
      requireNonNull(quorum, "quorum");
      requireNonNull(consensusWait, "consensusWait");
      requireNonNull(cosignWait, "cosignWait");
    }
  }

  public KeyId self() {
    return KeyId.of(key.publicKey());
  }

  MinerQueries queries() {
    return new MinerQueries(client, SubmissionVerifier.defaults(), clock, knobs.queryTimeout(), knobs.maxConfigBytes());
  }

  Admission admission() {
    return new Admission(OpacityLint.bundled(), knobs.perColdkey());
  }

  Simulation simulation() {
    return new Simulation(model, runPool, knobs.seeds(), knobs.configBudget());
  }

  ConsensusRound round() {
    return new ConsensusRound(client, book);
  }
}
