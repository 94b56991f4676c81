package io.aurelius.validator.sn37;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.sn37.ScenarioConfigRequest;
import io.aurelius.config.sn37.ScenarioConfigResponse;
import io.aurelius.config.sn37.Sn37Route;
import io.aurelius.core.crypto.VerifyingKey;
import java.time.Duration;
import java.time.Instant;

/**
 * Queries SN37-style miners on {@link #ROUTE}, without the transport: {@link #requestBody} is what
 * to POST (the btauth/1 client signs it, with the miner's hotkey as receiver), and {@link #read}
 * turns the response body the transport verified (signed by that same miner) into an {@link
 * Sn37Answer}.
 *
 * <pre>{@code
 * Sn37Client sn37 = new Sn37Client("aurelius-java/0.1.0");
 * Instant anchor = clock.instant();                 // one anchor for the whole query round
 * byte[] body = sn37.requestBody(UUID.randomUUID().toString());
 * byte[] answer = btauth.post(miner, Sn37Client.ROUTE, body, Sn37Client.MAX_RESPONSE_BYTES);
 * Sn37Answer result = sn37.read(answer, minerHotkey, anchor);
 * }</pre>
 */
public final class Sn37Client {
  /** The route. */
  public static final String ROUTE = Sn37Route.PATH;

  /** Largest response body to accept; the transport may stop reading beyond it. */
  public static final int MAX_RESPONSE_BYTES = ScenarioConfigResponse.LIMITS.maxBytes();

  /** SN37's default {@code work_id_freshness_seconds}. */
  public static final Duration FRESHNESS = Duration.ofSeconds(300);

  private final String validatorVersion;
  private final ResponseCheck check;

  public Sn37Client(String validatorVersion) {
    this(validatorVersion, FRESHNESS);
  }

  public Sn37Client(String validatorVersion, Duration freshness) {
    this.validatorVersion = requireNonNull(validatorVersion, "validatorVersion");
    this.check = new ResponseCheck(freshness);
  }

  /** The request body for one query round ({@code requestId}: SN37 sends a UUID4 per round). */
  public byte[] requestBody(String requestId) {
    return ScenarioConfigRequest.of(requireNonNull(requestId, "requestId"), validatorVersion)
        .toBytes();
  }

  /**
   * Checks the answer of the miner whose hotkey is {@code miner}: work ids must be stamped within
   * the freshness window of {@code anchor} (SN37 measures every miner of a round against the
   * round's start). Never throws for any body.
   */
  public Sn37Answer read(byte[] responseBody, VerifyingKey miner, Instant anchor) {
    return check.check(responseBody, miner, anchor);
  }
}
