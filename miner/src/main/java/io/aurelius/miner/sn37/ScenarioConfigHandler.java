package io.aurelius.miner.sn37;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.CompiledConfig;
import io.aurelius.config.sn37.ScenarioConfigRequest;
import io.aurelius.config.sn37.ScenarioConfigResponse;
import io.aurelius.config.sn37.Sn37Route;
import io.aurelius.config.sn37.WorkToken;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.protocol.ProtocolStatus;
import io.aurelius.core.transport.CallRefusedException;
import io.aurelius.core.transport.InboundCall;
import io.aurelius.core.transport.RouteHandler;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Answers SN37's {@code POST /aurelius/v1/scenario_config} as SN37's miner does ({@code
 * Miner.forward}): the request's object, echoed, with the next schema_v1 configuration in
 * round-robin order, a fresh {@link WorkToken} over it (now, a random nonce, signed by the miner's
 * hotkey), the miner's version and SN37's protocol version. The transport has checked btauth/1 and
 * who may call; the transport signs the response.
 *
 * <p>Two choices differ from SN37's miner, which answers 200 with the miner's fields null in both
 * cases: a request that is not SN37's object is refused with 422 and its one-line reason (SN37's
 * transport does the same before its miner sees it), and a miner with nothing SN37 can take refuses
 * with 422 saying so, as {@code miner/query} does.
 */
public final class ScenarioConfigHandler implements RouteHandler {
  /** The route, as SN37 names it. */
  public static final String ROUTE = Sn37Route.PATH;

  /** Largest request body worth reading. */
  public static final int MAX_REQUEST_BYTES = ScenarioConfigRequest.LIMITS.maxBytes();

  private final V1Shelf shelf;
  private final Signer hotkey;
  private final Clock clock;
  private final Random random;
  private final String minerVersion;
  private final AtomicLong next = new AtomicLong();

  /**
   * @param served the configurations the miner serves, in order, read on every call
   * @param random the nonce source ({@link java.security.SecureRandom} outside tests)
   */
  public ScenarioConfigHandler(
      Supplier<List<CompiledConfig>> served,
      Signer hotkey,
      Clock clock,
      Random random,
      String minerVersion) {
    this.shelf = new V1Shelf(served);
    this.hotkey = requireNonNull(hotkey, "hotkey");
    this.clock = requireNonNull(clock, "clock");
    this.random = requireNonNull(random, "random");
    this.minerVersion = requireNonNull(minerVersion, "minerVersion");
  }

  @Override
  public ObjectNode handle(InboundCall call) {
    requireNonNull(call, "call");
    ScenarioConfigRequest request;
    try {
      request = ScenarioConfigRequest.fromJson(call.body());
    } catch (JsonInputException e) {
      throw new CallRefusedException(ProtocolStatus.UNPROCESSABLE, e.getMessage());
    }
    List<V1Offer> offers = shelf.offers();
    if (offers.isEmpty()) {
      throw new CallRefusedException(
          ProtocolStatus.UNPROCESSABLE,
          "sn37: no configuration to serve (expected: a library with at least one configuration"
              + " that exports to schema_v1)");
    }
    V1Offer offer = offers.get((int) Math.floorMod(next.getAndIncrement(), (long) offers.size()));
    ObjectNode config = offer.v1();
    WorkToken token = WorkToken.issue(config, hotkey, clock.instant(), random);
    return ScenarioConfigResponse.served(request, config, token, minerVersion).toJson();
  }
}
