package io.aurelius.validator.sn37;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.CompiledConfig;
import io.aurelius.config.ConfigLoader;
import io.aurelius.config.ValidationReport;
import io.aurelius.config.sn37.PyJson;
import io.aurelius.config.sn37.ScenarioConfigResponse;
import io.aurelius.config.sn37.Sn37Route;
import io.aurelius.config.sn37.WorkToken;
import io.aurelius.config.v1.V1Import;
import io.aurelius.config.v1.V1Invalid;
import io.aurelius.config.v1.V1Validator;
import io.aurelius.config.validation.Problem;
import io.aurelius.core.crypto.VerifyingKey;
import io.aurelius.core.identity.wallet.AccountId;
import io.aurelius.core.json.JsonInputException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks one SN37 miner's answer in the order SN37's validator pipeline does ({@code
 * aurelius/validator/pipeline.py}: version, size and schema, work id with freshness), then what
 * SN37 leaves to its Central API (the work-token signature, here against the hotkey of the miner
 * that was asked), then imports. Every refusal is a {@link Sn37Answer.Refused} with one line; no
 * input makes it throw.
 */
final class ResponseCheck {
  private static final Pattern SEMVER = Pattern.compile("(\\d{1,9})\\.(\\d{1,9})\\.(\\d{1,9})");
  private static final String WHAT = "sn37 response: ";

  private final Duration freshness;

  ResponseCheck(Duration freshness) {
    this.freshness = requireNonNull(freshness, "freshness");
    if (freshness.isNegative()) {
      throw new IllegalArgumentException(
          "work_id freshness: " + freshness + " (expected: not negative)");
    }
  }

  Sn37Answer check(byte[] body, VerifyingKey miner, Instant anchor) {
    requireNonNull(body, "body");
    requireNonNull(miner, "miner");
    requireNonNull(anchor, "anchor");
    try {
      return checked(body, miner, anchor);
    } catch (JsonInputException | IllegalArgumentException | V1Invalid | ArithmeticException e) {
      return new Sn37Answer.Refused(e.getMessage());
    } catch (RuntimeException e) {
      return new Sn37Answer.Refused(
          WHAT + "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private Sn37Answer checked(byte[] body, VerifyingKey miner, Instant anchor) {
    ScenarioConfigResponse r = ScenarioConfigResponse.fromJson(body);
    String version =
        required(r.minerProtocolVersion(), "miner_protocol_version", "a version x.y.z");
    Matcher semver = SEMVER.matcher(version);
    int expectedMajor = Integer.parseInt(Sn37Route.PROTOCOL_VERSION.split("\\.")[0]);
    if (!semver.matches() || Integer.parseInt(semver.group(1)) != expectedMajor) {
      return refused(
          "$.miner_protocol_version: '"
              + shown(version)
              + "' (expected: major version "
              + expectedMajor
              + ", as "
              + Sn37Route.PROTOCOL_VERSION
              + ")");
    }
    ObjectNode config =
        r.scenarioConfig()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        WHAT + "$.scenario_config: missing (expected: a schema_v1 configuration)"));
    String dumps = PyJson.dumps(config);
    long size = dumps.getBytes(StandardCharsets.UTF_8).length;
    List<Problem> problems = V1Validator.validate(config, size);
    if (!problems.isEmpty()) {
      throw new V1Invalid(WHAT + "schema_v1", problems);
    }
    WorkToken token =
        tokenOf(
            required(r.workId(), "work_id", "64 lowercase hex digits"),
            required(r.workIdNonce(), "work_id_nonce", "32 lowercase hex digits"),
            required(r.workIdTimeNs(), "work_id_time_ns", "Unix nanoseconds"),
            required(r.workIdSignature(), "work_id_signature", "the miner's signature"));
    long drift = Math.abs(Math.subtractExact(WorkToken.unixNanos(anchor), token.timeNanos()));
    if (drift > freshness.toNanos()) {
      return refused(
          "$.work_id_time_ns: "
              + token.timeNs()
              + " is "
              + drift / 1_000_000_000L
              + " s from this validator's anchor "
              + WorkToken.unixNanos(anchor)
              + " (expected: within "
              + freshness.toSeconds()
              + " s)");
    }
    String ss58 = AccountId.of(miner.bytes()).ss58Address();
    if (!token.matches(dumps, ss58)) {
      return refused(
          "$.work_id: "
              + token.workId()
              + " (expected: "
              + WorkToken.workId(dumps, ss58, token.timeNs(), token.nonce())
              + ", from the configuration, hotkey "
              + ss58
              + ", time and nonce)");
    }
    if (!token.signedBy(miner)) {
      return refused(
          "$.work_id_signature: not a "
              + miner.scheme()
              + " signature of the work id by "
              + ss58
              + " (expected: the queried miner's hotkey)");
    }
    ObjectNode imported = V1Import.convert(config, size);
    ValidationReport report = ConfigLoader.validate(imported);
    Optional<CompiledConfig> compiled = report.config();
    if (compiled.isEmpty()) {
      return refused(
          "import: "
              + report.problems().stream().findFirst().map(Problem::toString).orElse("no config"));
    }
    return new Sn37Answer.Accepted(compiled.get(), config, token, r.minerVersion().orElse(""));
  }

  private static WorkToken tokenOf(String id, String nonce, String timeNs, String signature) {
    try {
      return new WorkToken(id, nonce, timeNs, signature);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(WHAT + "$." + e.getMessage(), e);
    }
  }

  private static String required(Optional<String> value, String field, String expected) {
    return value.orElseThrow(
        () ->
            new IllegalArgumentException(
                WHAT + "$." + field + ": missing (expected: " + expected + ")"));
  }

  private static Sn37Answer refused(String reason) {
    return new Sn37Answer.Refused(WHAT + reason);
  }

  private static String shown(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
