package io.aurelius.validator.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.anchoring.corpus.CorpusEntry;
import io.aurelius.anchoring.note.NoteSigner;
import io.aurelius.anchoring.note.NoteVerifier;
import io.aurelius.anchoring.note.SignedNote;
import io.aurelius.anchoring.note.VerifierKey;
import io.aurelius.anchoring.witness.CosignedCheckpoints;
import io.aurelius.anchoring.witness.Witness;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.Sr25519KeyPair;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.core.transport.CallRefusedException;
import io.aurelius.core.transport.InboundCall;
import io.aurelius.validator.publish.CorpusAnchor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cosign route reads its body strictly, and cosigns as a witness of the one corpus origin:
 * checked against its own replica and the largest checkpoint it cosigned (docs/validator.md).
 */
class CosignHandlerTest {
  private static final String ORIGIN = "aurelius.test/corpus";

  @TempDir Path dir;

  private final KeyId peer = KeyId.of(Sr25519KeyPair.generate().publicKey());
  private final KeyId self = KeyId.of(Sr25519KeyPair.generate().publicKey());
  private final Ed25519KeyPair logKey = Ed25519KeyPair.generate();
  private CorpusAnchor mine; // this validator's replica
  private CorpusAnchor theirs; // the asking peer's replica
  private CosignHandler handler;

  @BeforeEach
  void replicas() throws Exception {
    mine = CorpusAnchor.open(dir.resolve("mine.git"), ORIGIN, logKey, Clock.systemUTC());
    theirs =
        CorpusAnchor.open(
            dir.resolve("theirs.git"), ORIGIN, Ed25519KeyPair.generate(), Clock.systemUTC());
    handler = handler();
  }

  @AfterEach
  void close() {
    mine.close();
    theirs.close();
  }

  @Test
  void anythingButTheTlogWitnessShapeIs400() {
    for (String body :
        new String[] {
          "{\"checkpoint\": 5}",
          "{\"checkpoint\": \"x\", \"extra\": 1}",
          "{}",
          "[\"checkpoint\"]",
          "{\"checkpoint\": null}",
          "{\"checkpoint\": \"x\", \"oldSize\": 3}",
          "{\"checkpoint\": \"x\", \"proof\": []}"
        }) {
      assertThatThrownBy(() -> handler.handle(call(body)))
          .as(body)
          .isInstanceOfSatisfying(
              CallRefusedException.class, e -> assertThat(e.status().code()).isEqualTo(400))
          .hasMessageContaining("expected: exactly {\"checkpoint\": the checkpoint note as text}");
    }
    assertRefused(
        "{\"checkpoint\": \"x\", \"oldSize\": 3, \"proof\": [\"AAAA\"]}",
        400,
        "cosign.proof[0]: (expected: a 32-byte hash in standard base64)");
    assertRefused(
        "{\"checkpoint\": \"x\", \"oldSize\": -1, \"proof\": []}", 400, "cosign.oldSize: -1");
  }

  @Test
  void aWellFormedBodyWithABadNoteIsRefusedOnItsContent() {
    assertRefused("{\"checkpoint\": \"not a note\"}", 422, "cosign.checkpoint: ");
  }

  @Test
  void replicasGrowingAlikeAreCosignedAndARollbackIs409() throws Exception {
    appendBoth(0, 3);
    String three = text(theirs, 3);
    JsonNode first = (JsonNode) handler.handle(call(body(three)));
    appendBoth(3, 4);
    JsonNode second = (JsonNode) handler.handle(call(body(text(theirs, 7))));

    for (JsonNode answer : List.of(first, second)) {
      NoteVerifier.requireSignedBy(
          SignedNote.parse(answer.get("note").asText()),
          VerifierKey.parse(answer.get("witness").asText()));
    }
    assertThat(witnessed()).isEqualTo(7);
    // the answer shows the witness's own latest checkpoint, so a lagging requester can catch up
    assertThat(second.get("latest").asText()).isEqualTo(mine.latest().orElseThrow());
    assertRefused(body(three), 409, "cosign: rollback: checkpoint " + ORIGIN + " 3 ");
    assertThat(witnessed()).isEqualTo(7);
  }

  @Test
  void aCheckpointOurReplicaContradictsIs409() throws Exception {
    mine.append(0, entries(0, 3));
    theirs.append(0, entries(100, 3));

    assertRefused(body(text(theirs, 3)), 409, "has another root than this validator's replica");
    assertThat(new CosignedCheckpoints(dir.resolve("witness")).latest(ORIGIN)).isEmpty();
  }

  @Test
  void aLaggingReplicaNeedsTheRequestersProof() throws Exception {
    appendBoth(0, 3);
    handler.handle(call(body(text(theirs, 3))));
    theirs.append(3, entries(3, 5)); // this validator missed the epoch

    assertRefused(body(text(theirs, 8)), 422, "cosign: no consistency proof");
    List<byte[]> proof = theirs.consistency(3, 8).orElseThrow();
    List<byte[]> bad = new ArrayList<>(proof);
    bad.set(0, new byte[32]);
    assertRefused(proofBody(text(theirs, 8), 3, bad), 422, "cosign: fork or bad proof: ");
    assertRefused(proofBody(text(theirs, 8), 2, proof), 409, "the size this witness cosigned");
    assertThat(witnessed()).isEqualTo(3);

    handler.handle(call(proofBody(text(theirs, 8), 3, proof)));
    assertThat(witnessed()).isEqualTo(8);
    // and after a restart, the state is where it was
    handler = handler();
    assertRefused(body(text(theirs, 3)), 409, "rollback");
  }

  private CosignHandler handler() {
    return new CosignHandler(
        mine,
        new Witness(
            new CosignedCheckpoints(dir.resolve("witness")),
            new NoteSigner(CosignHandler.witnessName(self), logKey),
            Clock.systemUTC()),
        () -> new ValidatorSet(Map.of(peer, 10L)));
  }

  private long witnessed() throws Exception {
    return new CosignedCheckpoints(dir.resolve("witness")).latest(ORIGIN).orElseThrow().size();
  }

  private void appendBoth(long start, int count) throws Exception {
    mine.append(start, entries(start, count));
    theirs.append(start, entries(start, count));
  }

  private static String text(CorpusAnchor log, long size) throws Exception {
    return log.checkpoint(size).text();
  }

  private static String body(String checkpoint) {
    return Json.newObject().put("checkpoint", checkpoint).toString();
  }

  private static String proofBody(String checkpoint, long oldSize, List<byte[]> proof) {
    ObjectNode body = Json.newObject().put("checkpoint", checkpoint).put("oldSize", oldSize);
    var hashes = body.putArray("proof");
    proof.forEach(h -> hashes.add(Base64.getEncoder().encodeToString(h)));
    return body.toString();
  }

  private static List<CorpusEntry> entries(long from, int count) throws Exception {
    List<CorpusEntry> out = new ArrayList<>();
    for (long n = from; n < from + count; n++) {
      ObjectNode e = Json.newObject().put("schema", CorpusEntry.SCHEMA);
      e.putObject("aene")
          .put("id", String.format("%064x", n + 1))
          .put("observation", "observation " + n)
          .put("reasoning", "reasoning " + n)
          .put("action", "action " + n);
      e.putObject("provenance").putObject("model").put("name", "sim").put("simulated", true);
      e.putObject("verdict").put("dlv", 0.8);
      out.add(CorpusEntry.of(e, "entry " + n));
    }
    return out;
  }

  private void assertRefused(String body, int status, String message) {
    assertThatThrownBy(() -> handler.handle(call(body)))
        .as(body)
        .isInstanceOfSatisfying(
            CallRefusedException.class, e -> assertThat(e.status().code()).isEqualTo(status))
        .hasMessageContaining(message);
  }

  private InboundCall call(String body) {
    return new InboundCall(
        CosignHandler.ROUTE,
        peer,
        10,
        "r",
        Json.parse(body.getBytes(StandardCharsets.UTF_8), "body", JsonLimits.UNTRUSTED));
  }
}
