package io.aurelius.validator.service;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * How long each kind of wait in an epoch may take. Miners answer a query from memory; peers'
 * verdicts on this validator's proposals need their own judges (seconds per call, minutes for
 * hundreds of aenes), so the verdict exchange has a deadline of its own.
 *
 * @param query miners' answer time (the whole round of queries)
 * @param configBudget wall time one configuration's runs may take together
 * @param verdicts the verdict exchange: sending proposals and polling peers until they have
 *     re-judged them
 * @param consensus waiting for peers' certificates once the exchange is over
 * @param cosign asking each peer for a cosignature on the new checkpoint
 */
public record Deadlines(
    Duration query, Duration configBudget, Duration verdicts, Duration consensus, Duration cosign) {
  /**
   * One signed call to a peer (a chunk of proposals, a poll, a certificate) waits at most this
   * long.
   */
  public static final Duration PEER_CALL = Duration.ofSeconds(30);

  public Deadlines {
    for (Duration d :
        List.of(
            requireNonNull(query, "query"),
            requireNonNull(configBudget, "configBudget"),
            requireNonNull(verdicts, "verdicts"),
            requireNonNull(consensus, "consensus"),
            requireNonNull(cosign, "cosign"))) {
      if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofDays(1)) > 0) {
        throw new IllegalArgumentException(
            "deadline: " + d + " (expected: more than 0, at most 1 day)");
      }
    }
  }

  /** Sized for hosted judges: 12 s for miners, 5 min a configuration, 15 min for verdicts. */
  public static Deadlines defaults() {
    return new Deadlines(
        Duration.ofSeconds(12),
        Duration.ofMinutes(5),
        Duration.ofMinutes(15),
        Duration.ofSeconds(60),
        Duration.ofSeconds(20));
  }

  public Deadlines withQuery(Duration d) {
    return new Deadlines(d, configBudget, verdicts, consensus, cosign);
  }

  public Deadlines withConfigBudget(Duration d) {
    return new Deadlines(query, d, verdicts, consensus, cosign);
  }

  public Deadlines withVerdicts(Duration d) {
    return new Deadlines(query, configBudget, d, consensus, cosign);
  }

  public Deadlines withConsensus(Duration d) {
    return new Deadlines(query, configBudget, verdicts, d, cosign);
  }

  public Deadlines withCosign(Duration d) {
    return new Deadlines(query, configBudget, verdicts, consensus, d);
  }

  /** The per-call timeout for peers: {@link #PEER_CALL}, or less when a whole wait is shorter. */
  public Duration peerCall(Duration whole) {
    return whole.compareTo(PEER_CALL) < 0 ? whole : PEER_CALL;
  }
}
