package io.aurelius.judge.api;

import static java.util.Objects.requireNonNull;

import io.aurelius.judge.gate.QualityGate;
import io.aurelius.judge.panel.JudgeSpec;
import io.aurelius.judge.ranking.RankingPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a validator's judges run.
 *
 * @param specs judge specs: {@code embedded}, {@code sim}, {@code openai:URL#MODEL} or {@code
 *     ollama:URL#MODEL} ({@code |} between failover endpoints of one judge)
 * @param dlvThreshold the DLV gate for ranking and for approving aenes
 * @param threads judge calls in flight at once across the panel
 * @param endpointConcurrency calls in flight per model endpoint at most
 * @param callTimeout time one judge call may take
 * @param attempts tries per endpoint on 429, 5xx and timeouts, with backoff, before failing over
 * @param apiKey the bearer key for OpenAI-compatible endpoints
 * @param qualityGate admission refuses a configuration whose quality gate probability (of GOOD) is
 *     below this; 0 turns the gate off
 * @param minDecisions a configuration's DLV counts at least this many decisions per seed, the
 *     missing ones as 0 ({@link RankingPolicy#minDecisions()}); 0 turns the rule off
 */
public record JudgeSetup(
    List<String> specs,
    double dlvThreshold,
    int threads,
    int endpointConcurrency,
    Duration callTimeout,
    int attempts,
    Optional<String> apiKey,
    double qualityGate,
    int minDecisions) {
  public JudgeSetup {
    specs = List.copyOf(specs);
    requireNonNull(callTimeout, "callTimeout");
    requireNonNull(apiKey, "apiKey");
    check(!specs.isEmpty(), "judges: none (expected: embedded, sim or an LLM endpoint)");
    check(
        dlvThreshold >= 0 && dlvThreshold <= 1,
        "dlv threshold: " + dlvThreshold + " (expected: 0..1)");
    check(threads >= 1 && threads <= 1024, "judge threads: " + threads + " (expected: 1..1024)");
    check(
        endpointConcurrency >= 1 && endpointConcurrency <= 4096,
        "judge endpoint concurrency: " + endpointConcurrency + " (expected: 1..4096)");
    check(
        !callTimeout.isNegative()
            && !callTimeout.isZero()
            && callTimeout.compareTo(Duration.ofHours(1)) <= 0,
        "judge timeout: " + callTimeout + " (expected: more than 0, at most 1h)");
    check(
        qualityGate >= 0 && qualityGate < 1,
        "quality gate: " + qualityGate + " (expected: 0 <= P < 1)");
    check(
        minDecisions >= 0 && minDecisions <= RankingPolicy.MAX_MIN_DECISIONS,
        "min decisions: "
            + minDecisions
            + " (expected: 0.."
            + RankingPolicy.MAX_MIN_DECISIONS
            + ")");
    check(attempts >= 1 && attempts <= 20, "judge attempts: " + attempts + " (expected: 1..20)");
    specs.forEach(
        JudgeSpec::parse); // a spec that does not parse is refused here, with its one-line reason
  }

  /**
   * Four threads, 16 calls per endpoint, 60 s a call, three tries, no key, the bundled quality gate
   * at its default threshold, the default minimum of decisions.
   */
  public static JudgeSetup defaults(List<String> specs, double dlvThreshold) {
    return new JudgeSetup(
        specs,
        dlvThreshold,
        4,
        16,
        Duration.ofSeconds(60),
        3,
        Optional.empty(),
        QualityGate.DEFAULT_THRESHOLD,
        RankingPolicy.DEFAULT_MIN_DECISIONS);
  }

  public JudgeSetup withQualityGate(double v) {
    return new JudgeSetup(
        specs,
        dlvThreshold,
        threads,
        endpointConcurrency,
        callTimeout,
        attempts,
        apiKey,
        v,
        minDecisions);
  }

  public JudgeSetup withSpecs(List<String> v) {
    return new JudgeSetup(
        v,
        dlvThreshold,
        threads,
        endpointConcurrency,
        callTimeout,
        attempts,
        apiKey,
        qualityGate,
        minDecisions);
  }

  public JudgeSetup withDlvThreshold(double v) {
    return new JudgeSetup(
        specs,
        v,
        threads,
        endpointConcurrency,
        callTimeout,
        attempts,
        apiKey,
        qualityGate,
        minDecisions);
  }

  public JudgeSetup withThreads(int n) {
    return new JudgeSetup(
        specs,
        dlvThreshold,
        n,
        endpointConcurrency,
        callTimeout,
        attempts,
        apiKey,
        qualityGate,
        minDecisions);
  }

  public JudgeSetup withEndpoints(int concurrency, Duration timeout, int tries) {
    return new JudgeSetup(
        specs,
        dlvThreshold,
        threads,
        concurrency,
        timeout,
        tries,
        apiKey,
        qualityGate,
        minDecisions);
  }

  public JudgeSetup withApiKey(Optional<String> key) {
    return new JudgeSetup(
        specs,
        dlvThreshold,
        threads,
        endpointConcurrency,
        callTimeout,
        attempts,
        key.filter(k -> !k.isBlank()),
        qualityGate,
        minDecisions);
  }

  public JudgeSetup withMinDecisions(int n) {
    return new JudgeSetup(
        specs,
        dlvThreshold,
        threads,
        endpointConcurrency,
        callTimeout,
        attempts,
        apiKey,
        qualityGate,
        n);
  }

  /** Never prints the key. */
  @Override
  public String toString() {
    return "JudgeSetup[specs="
        + specs
        + ", dlvThreshold="
        + dlvThreshold
        + ", threads="
        + threads
        + ", endpointConcurrency="
        + endpointConcurrency
        + ", callTimeout="
        + callTimeout
        + ", attempts="
        + attempts
        + ", apiKey="
        + (apiKey.isPresent() ? "(set)" : "(none)")
        + ", qualityGate="
        + qualityGate
        + ", minDecisions="
        + minDecisions
        + "]";
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
