package io.aurelius.config.sn37;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.crypto.Verifier;
import io.aurelius.core.crypto.VerifyingKey;
import io.aurelius.core.identity.wallet.AccountId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * The work stamp an SN37 miner puts on the configuration it serves, as its {@code
 * aurelius/miner/work_token.py} makes it (docs/protocol.md, "Work id and work token"):
 *
 * <pre>
 * work_id   = hex SHA-256(UTF-8(json.dumps(cfg, sort_keys=True) + hotkey_ss58 + time_ns + nonce))
 * signature = hex(sign(UTF-8("aurelius-worktoken-v1:" + work_id)))      (no 0x)
 * </pre>
 *
 * {@code time_ns} is the miner's wall clock in Unix nanoseconds as a decimal string and the nonce
 * is 16 random bytes as 32 lowercase hex digits. SN37's Central API checks the signature when the
 * work token is consumed; our validator checks it at once.
 */
public record WorkToken(String workId, String nonce, String timeNs, String signature) {
  /** The prefix of the signed message. */
  public static final String SIGNING_PREFIX = "aurelius-worktoken-v1:";

  static final Pattern WORK_ID = Pattern.compile("[0-9a-f]{64}");
  static final Pattern NONCE = Pattern.compile("[0-9a-f]{32}");
  static final Pattern TIME_NS = Pattern.compile("0|[1-9][0-9]{0,18}");
  static final Pattern HEX = Pattern.compile("([0-9a-f]{2})+");
  private static final HexFormat HEX_FORMAT = HexFormat.of();

  public WorkToken {
    check("work_id", workId, WORK_ID, "64 lowercase hex digits");
    check("work_id_nonce", nonce, NONCE, "32 lowercase hex digits");
    check("work_id_time_ns", timeNs, TIME_NS, "a decimal count of Unix nanoseconds");
    check("work_id_signature", signature, HEX, "lowercase hex without 0x");
    try {
      Long.parseLong(timeNs);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "work_id_time_ns: " + Shown.of(timeNs) + " (expected: at most " + Long.MAX_VALUE + ")");
    }
  }

  /**
   * Stamps {@code config} for the miner whose hotkey is {@code hotkey}, at {@code now}, with a
   * nonce drawn from {@code random}.
   */
  public static WorkToken issue(JsonNode config, Signer hotkey, Instant now, Random random) {
    requireNonNull(config, "config");
    requireNonNull(hotkey, "hotkey");
    requireNonNull(now, "now");
    requireNonNull(random, "random");
    byte[] nonceBytes = new byte[16];
    random.nextBytes(nonceBytes);
    String nonce = HEX_FORMAT.formatHex(nonceBytes);
    String timeNs = Long.toString(unixNanos(now));
    String ss58 = AccountId.of(hotkey.publicKey().bytes()).ss58Address();
    String workId = workId(PyJson.dumps(config), ss58, timeNs, nonce);
    String signature = HEX_FORMAT.formatHex(hotkey.sign(signedMessage(workId)));
    return new WorkToken(workId, nonce, timeNs, signature);
  }

  /** The work id of a configuration already rendered by {@link PyJson#dumps}. */
  public static String workId(String configDumps, String hotkeySs58, String timeNs, String nonce) {
    requireNonNull(configDumps, "configDumps");
    requireNonNull(hotkeySs58, "hotkeySs58");
    requireNonNull(timeNs, "timeNs");
    requireNonNull(nonce, "nonce");
    String payload = configDumps + hotkeySs58 + timeNs + nonce;
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HEX_FORMAT.formatHex(sha256.digest(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The bytes the miner signs: UTF-8 of {@value #SIGNING_PREFIX} and the work id. */
  public static byte[] signedMessage(String workId) {
    return (SIGNING_PREFIX + requireNonNull(workId, "workId")).getBytes(StandardCharsets.UTF_8);
  }

  /** Whether this token's work id is the one {@code configDumps} and the miner's hotkey give. */
  public boolean matches(String configDumps, String hotkeySs58) {
    return workId.equals(workId(configDumps, hotkeySs58, timeNs, nonce));
  }

  /** Whether the signature is {@code miner}'s over this token's work id, under its scheme. */
  public boolean signedBy(VerifyingKey miner) {
    requireNonNull(miner, "miner");
    return Verifier.of(miner.scheme())
        .verify(miner, signedMessage(workId), HEX_FORMAT.parseHex(signature));
  }

  /** The stamp time in Unix nanoseconds. */
  public long timeNanos() {
    return Long.parseLong(timeNs);
  }

  /** Unix nanoseconds of {@code instant}. */
  public static long unixNanos(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
  }

  private static void check(String field, String value, Pattern shape, String expected) {
    requireNonNull(value, field);
    if (!shape.matcher(value).matches()) {
      throw new IllegalArgumentException(
          field + ": " + Shown.of(value) + " (expected: " + expected + ")");
    }
  }
}
