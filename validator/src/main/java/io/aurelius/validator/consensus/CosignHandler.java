package io.aurelius.validator.consensus;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.anchoring.note.Checkpoint;
import io.aurelius.anchoring.note.MalformedNoteException;
import io.aurelius.anchoring.note.NoteSigner;
import io.aurelius.anchoring.note.SignedNote;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.Json;
import io.aurelius.core.protocol.ProtocolStatus;
import io.aurelius.core.transport.CallRefusedException;
import io.aurelius.core.transport.InboundCall;
import io.aurelius.core.transport.RouteHandler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Serves {@code validator/cosign}: {@code {"checkpoint": "<checkpoint text>"}} from a registered
 * validator. Cosigns (tlog-cosignature/v1, named by this validator's hotkey address) only when the
 * checkpoint is consistent with this validator's own corpus log: same origin, and the log holds at
 * least that many entries with the same root at that size. Answers {@code {"witness": "<verifier
 * key>", "note": "<the checkpoint with the cosignature line>"}}.
 */
public final class CosignHandler implements RouteHandler {
  public static final String ROUTE = "validator/cosign";
  public static final int MAX_BODY_BYTES = 4096;

  private final OwnLog log;
  private final NoteSigner signer;
  private final Supplier<ValidatorSet> validators;
  private final Clock clock;

  /**
   * @param hotkey the validator's hotkey, whose address names its cosignatures
   * @param logKey the Ed25519 key it cosigns with (C2SP cosignatures are Ed25519; for an Ed25519
   *     hotkey, the hotkey itself)
   */
  public CosignHandler(
      OwnLog log,
      KeyId hotkey,
      Ed25519KeyPair logKey,
      Supplier<ValidatorSet> validators,
      Clock clock) {
    this.log = requireNonNull(log, "log");
    this.signer = new NoteSigner(witnessName(requireNonNull(hotkey, "hotkey")), logKey);
    this.validators = requireNonNull(validators, "validators");
    this.clock = requireNonNull(clock, "clock");
  }

  /** The name a validator cosigns under: its hotkey address. */
  public static String witnessName(KeyId hotkey) {
    return hotkey.address();
  }

  @Override
  public Object handle(InboundCall call) {
    if (!validators.get().contains(call.sender())) {
      throw new CallRefusedException(
          ProtocolStatus.FORBIDDEN,
          "sender "
              + call.sender()
              + " is not a registered validator (expected: a validator of this subnet)");
    }
    JsonNode body = call.body();
    if (!body.isObject() || body.size() != 1 || !body.path("checkpoint").isTextual()) {
      throw new CallRefusedException(
          ProtocolStatus.BAD_REQUEST,
          "cosign body: "
              + (body.isObject() ? "members " + fieldNames(body) : body.getNodeType())
              + " (expected: exactly {\"checkpoint\": the checkpoint note as text})");
    }
    String text = body.get("checkpoint").textValue();
    Checkpoint checkpoint;
    try {
      checkpoint = Checkpoint.parse(text);
    } catch (MalformedNoteException | IllegalArgumentException e) {
      throw refuse("cosign.checkpoint: " + e.getMessage());
    }
    if (!checkpoint.origin().equals(log.origin())) {
      throw refuse(
          "cosign.checkpoint: origin '"
              + checkpoint.origin()
              + "' (expected: '"
              + log.origin()
              + "')");
    }
    Optional<byte[]> mine = log.root(checkpoint.size());
    if (mine.isEmpty()) {
      throw refuse(
          "cosign.checkpoint: size "
              + checkpoint.size()
              + " is beyond this validator's corpus log (expected: a size it holds; try again later)");
    }
    if (!Arrays.equals(mine.get(), checkpoint.root())) {
      throw refuse(
          "cosign.checkpoint: root at size "
              + checkpoint.size()
              + " differs from this validator's corpus log (expected: the same entries)");
    }
    SignedNote cosigned =
        new SignedNote(text, List.of(signer.cosign(text, clock.instant().getEpochSecond())));
    return Json.newObject()
        .put("witness", signer.cosignerKey().format())
        .put("note", cosigned.format());
  }

  private static String fieldNames(JsonNode body) {
    List<String> names = new ArrayList<>();
    body.fieldNames()
        .forEachRemaining(n -> names.add(n.length() > 40 ? n.substring(0, 40) + "…" : n));
    return names.size() > 8 ? names.subList(0, 8) + "…" : names.toString();
  }

  private static CallRefusedException refuse(String message) {
    return new CallRefusedException(ProtocolStatus.UNPROCESSABLE, message);
  }
}
