package io.aurelius.validator.modules;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.Json;
import io.aurelius.core.protocol.ProtocolStatus;
import io.aurelius.core.transport.CallRefusedException;
import io.aurelius.core.transport.InboundCall;
import io.aurelius.core.transport.RouteHandler;
import io.aurelius.validator.consensus.ValidatorSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Serves {@code validator/module-verdicts}: a peer validator sends {@code {"epoch": E, "verdicts":
 * [signed ModuleVerdict…]}}, all of epoch E and its own (possibly none). Every verdict is verified
 * before any is stored; the peer is then recorded as having reported for E. Refused with 403 when
 * the sender is not a registered validator, 400 when the body is not of that shape, 422 when a
 * verdict is forged, another validator's or of another epoch. Answers {@code {"stored": N}}.
 */
public final class ModuleVerdictsHandler implements RouteHandler {
  public static final String ROUTE = "validator/module-verdicts";
  public static final int MAX_BODY_BYTES = 256 << 10;
  public static final int MAX_VERDICTS = 64;

  private final ModuleVerdictBook book;
  private final Supplier<ValidatorSet> validators;

  public ModuleVerdictsHandler(ModuleVerdictBook book, Supplier<ValidatorSet> validators) {
    this.book = requireNonNull(book, "book");
    this.validators = requireNonNull(validators, "validators");
  }

  @Override
  public Object handle(InboundCall call) {
    KeyId sender = call.sender();
    if (validators.get().stake(sender).isEmpty()) {
      throw new CallRefusedException(
          ProtocolStatus.FORBIDDEN,
          "sender " + sender + " is not a registered validator (expected: a validator's hotkey)");
    }
    JsonNode body = call.body();
    JsonNode epochNode = body.path("epoch");
    JsonNode list = body.path("verdicts");
    if (!body.isObject()
        || body.size() != 2
        || !epochNode.canConvertToLong()
        || !epochNode.isIntegralNumber()
        || !list.isArray()
        || list.size() > MAX_VERDICTS) {
      throw new CallRefusedException(
          ProtocolStatus.BAD_REQUEST,
          "module verdicts: not {\"epoch\": integer, \"verdicts\": [at most "
              + MAX_VERDICTS
              + " signed verdicts]}");
    }
    long epoch = epochNode.asLong();
    List<ModuleVerdict> read = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      ModuleVerdict v;
      try {
        v = ModuleVerdict.verify(list.get(i));
      } catch (IllegalArgumentException e) {
        throw new CallRefusedException(
            ProtocolStatus.UNPROCESSABLE, "verdicts[" + i + "]: " + e.getMessage());
      }
      if (!v.validator().equals(sender) || v.epoch() != epoch) {
        throw new CallRefusedException(
            ProtocolStatus.UNPROCESSABLE,
            "verdicts["
                + i
                + "]: of "
                + v.validator()
                + " in epoch "
                + v.epoch()
                + " (expected: the sender's own, epoch "
                + epoch
                + ")");
      }
      read.add(v);
    }
    int stored = 0;
    for (int i = 0; i < read.size(); i++) {
      if (book.put(read.get(i), list.get(i))) {
        stored++;
      }
    }
    book.reported(epoch, sender);
    return Json.newObject().put("stored", stored);
  }
}
