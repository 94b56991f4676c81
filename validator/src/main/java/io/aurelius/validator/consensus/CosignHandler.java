package io.aurelius.validator.consensus;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.anchoring.note.Checkpoint;
import io.aurelius.anchoring.note.MalformedNoteException;
import io.aurelius.anchoring.note.SignedNote;
import io.aurelius.anchoring.witness.ConsistencyProof;
import io.aurelius.anchoring.witness.Witness;
import io.aurelius.anchoring.witness.WitnessRefusedException;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.Json;
import io.aurelius.core.protocol.ProtocolStatus;
import io.aurelius.core.transport.CallRefusedException;
import io.aurelius.core.transport.InboundCall;
import io.aurelius.core.transport.RouteHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Serves {@code validator/cosign}: {@code {"checkpoint": "<checkpoint text>"}}, optionally with
 * {@code "oldSize"} and {@code "proof"} (base64 hashes) as C2SP tlog-witness's add-checkpoint, from
 * a registered validator. This validator is a witness of the subnet's one corpus origin: it cosigns
 * (tlog-cosignature/v1, named by its hotkey address) only a checkpoint that its own replica does
 * not contradict and that is consistent with the largest it cosigned before ({@link Witness}); the
 * consistency proof is the request's, or else computed from its own replica. Answers {@code
 * {"witness": "<verifier key>", "note": "<the checkpoint with the cosignature line>", "latest":
 * "<this validator's latest signed checkpoint>"}}; a rollback or fork is 409, an unverifiable
 * checkpoint 422.
 */
public final class CosignHandler implements RouteHandler {
  public static final String ROUTE = "validator/cosign";
  public static final int MAX_BODY_BYTES = 8192;

  /** Enough for a tree of 2^64 entries (a consistency proof has at most 2·64 hashes). */
  private static final int MAX_PROOF_HASHES = 128;

  private static final Set<String> MEMBERS = Set.of("checkpoint", "oldSize", "proof");
  private static final String SHAPE =
      "expected: exactly {\"checkpoint\": the checkpoint note as text}, optionally with"
          + " \"oldSize\": an integer >= 0 and \"proof\": [base64 hashes] together";

  private final OwnLog log;
  private final Witness witness;
  private final Supplier<ValidatorSet> validators;

  /**
   * @param witness cosigns under this validator's hotkey address ({@link #witnessName}) with its
   *     log key, and keeps what it cosigned
   */
  public CosignHandler(OwnLog log, Witness witness, Supplier<ValidatorSet> validators) {
    this.log = requireNonNull(log, "log");
    this.witness = requireNonNull(witness, "witness");
    this.validators = requireNonNull(validators, "validators");
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
    Optional<ConsistencyProof> given = readBody(body);
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
    if (mine.isPresent() && !Arrays.equals(mine.get(), checkpoint.root())) {
      throw new CallRefusedException(
          ProtocolStatus.CONFLICT,
          "cosign: fork: checkpoint "
              + checkpoint.origin()
              + " "
              + checkpoint.size()
              + " "
              + checkpoint.rootBase64()
              + " has another root than this validator's replica at that size (expected: the"
              + " same entries)");
    }
    Witness.ProofSource proofs =
        given.isPresent()
            ? Witness.ProofSource.given(given.get())
            : (oldSize, newSize) ->
                log.consistency(oldSize, newSize).map(h -> new ConsistencyProof(oldSize, h));
    SignedNote cosigned;
    try {
      cosigned = witness.cosign(text, proofs);
    } catch (WitnessRefusedException e) {
      throw new CallRefusedException(
          e.reason().conflict() ? ProtocolStatus.CONFLICT : ProtocolStatus.UNPROCESSABLE,
          "cosign: " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("witness state: " + e.getMessage(), e);
    }
    ObjectNode answer =
        Json.newObject().put("witness", witness.key().format()).put("note", cosigned.format());
    log.latest().ifPresent(note -> answer.put("latest", note));
    return answer;
  }

  private static Optional<ConsistencyProof> readBody(JsonNode body) {
    if (!body.isObject()
        || !body.path("checkpoint").isTextual()
        || !MEMBERS.containsAll(fieldNames(body))
        || body.has("oldSize") != body.has("proof")) {
      throw new CallRefusedException(
          ProtocolStatus.BAD_REQUEST,
          "cosign body: "
              + (body.isObject() ? "members " + shortNames(body) : body.getNodeType())
              + " ("
              + SHAPE
              + ")");
    }
    if (!body.has("proof")) {
      return Optional.empty();
    }
    JsonNode oldSize = body.get("oldSize");
    JsonNode proof = body.get("proof");
    if (!oldSize.isIntegralNumber() || !oldSize.canConvertToLong() || oldSize.asLong() < 0) {
      throw new CallRefusedException(
          ProtocolStatus.BAD_REQUEST, "cosign.oldSize: " + oldSize + " (expected: >= 0)");
    }
    if (!proof.isArray() || proof.size() > MAX_PROOF_HASHES) {
      throw new CallRefusedException(
          ProtocolStatus.BAD_REQUEST,
          "cosign.proof: "
              + proof.getNodeType()
              + " (expected: an array of at most "
              + MAX_PROOF_HASHES
              + " base64 hashes)");
    }
    List<byte[]> hashes = new ArrayList<>();
    for (int i = 0; i < proof.size(); i++) {
      byte[] hash = null;
      if (proof.get(i).isTextual()) {
        try {
          hash = Base64.getDecoder().decode(proof.get(i).textValue());
        } catch (IllegalArgumentException e) {
          hash = null;
        }
      }
      if (hash == null || hash.length != Checkpoint.ROOT_LENGTH) {
        throw new CallRefusedException(
            ProtocolStatus.BAD_REQUEST,
            "cosign.proof[" + i + "]: (expected: a 32-byte hash in standard base64)");
      }
      hashes.add(hash);
    }
    return Optional.of(new ConsistencyProof(oldSize.asLong(), hashes));
  }

  private static List<String> fieldNames(JsonNode body) {
    List<String> names = new ArrayList<>();
    body.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String shortNames(JsonNode body) {
    List<String> names = new ArrayList<>();
    for (String n : fieldNames(body)) {
      names.add(n.length() > 40 ? n.substring(0, 40) + "…" : n);
    }
    return names.size() > 8 ? names.subList(0, 8) + "…" : names.toString();
  }

  private static CallRefusedException refuse(String message) {
    return new CallRefusedException(ProtocolStatus.UNPROCESSABLE, message);
  }
}
