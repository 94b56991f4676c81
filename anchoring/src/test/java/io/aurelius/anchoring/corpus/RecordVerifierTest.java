package io.aurelius.anchoring.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.anchoring.log.Cosignature;
import io.aurelius.anchoring.note.NoteSigner;
import io.aurelius.anchoring.note.SignedNote;
import io.aurelius.anchoring.note.VerifierKey;
import io.aurelius.anchoring.testing.Fixtures;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exported records prove themselves alone, and each kind of tampering is named. */
class RecordVerifierTest {
  private static final Ed25519KeyPair KEY = Fixtures.key(1);
  private static final NoteSigner W1 = new NoteSigner("witness-one", Fixtures.key(2));
  private static final JsonLimits LIMITS = new JsonLimits(4 << 20, 40, 4 << 20);

  @TempDir Path dir;
  private List<String> jsonl;
  private List<String> chat;
  private VerifierKey logKey;
  private String checkpoint300;

  @BeforeEach
  void export() throws Exception {
    try (CorpusLog corpus =
        CorpusLog.create(dir.resolve("corpus.git"), Fixtures.ORIGIN, KEY, Fixtures.CLOCK)) {
      corpus.append(0, Fixtures.entries(0, 300));
      corpus.append(300, Fixtures.entries(300, 20));
      String text = SignedNote.parse(corpus.head().checkpointBytes(320)).text();
      corpus
          .writer()
          .addCosignatures(
              320, List.of(new Cosignature(W1.cosignerKey(), W1.cosign(text, 1_700_000_050L))));
      logKey = corpus.head().manifest().logKey();
      checkpoint300 = new String(corpus.head().checkpointBytes(300), StandardCharsets.UTF_8);
      StringWriter j = new StringWriter();
      CorpusExport.write(corpus.head(), Set.of(), ExportFormat.JSONL, j);
      jsonl = j.toString().lines().toList();
      StringWriter c = new StringWriter();
      CorpusExport.write(corpus.head(), Set.of(), ExportFormat.CHAT, c);
      chat = c.toString().lines().toList();
    }
  }

  @Test
  void everyExportedRecordOfBothFormatsVerifiesAlone() throws Exception {
    assertThat(jsonl).hasSize(320);
    assertThat(chat).hasSize(320);
    for (List<String> records : List.of(jsonl, chat)) {
      for (int i = 0; i < records.size(); i++) {
        RecordVerifier.Result r = RecordVerifier.verify(records.get(i), List.of(logKey));
        assertThat(r.index()).isEqualTo(i);
        assertThat(r.checkpoint().size()).isEqualTo(320);
      }
    }
    assertThat(RecordVerifier.verify(jsonl.get(17), List.of(logKey, W1.cosignerKey())).line())
        .startsWith("OK: entry 17 (id ")
        .contains("included in checkpoint 320 of aurelius.test/corpus")
        .contains("signed by trusted key aurelius.test/corpus+")
        .endsWith("cosigned by witness-one");
  }

  /** The leaf is SHA-256(0x00 ‖ the entry's canonical JSON): the bytes of its line in the log. */
  @Test
  void theProofStartsFromTheEntrysCanonicalBytes() throws Exception {
    ObjectNode record = parse(jsonl.get(5));
    assertThat(CanonicalJson.bytes(record.get("entry")))
        .isEqualTo(CanonicalJson.bytes(Fixtures.entryJson(5)));
    assertThat(record.get("proof").get("checkpoint").asText())
        .startsWith("aurelius.test/corpus\n320\n")
        .contains("\n\n— aurelius.test/corpus ")
        .contains("\n— witness-one ");
    assertThat(record.get("proof").get("logKey").asText()).isEqualTo(logKey.format());
  }

  @Test
  void withoutATrustedKeyOnlySelfConsistencyIsClaimed() throws Exception {
    assertThat(RecordVerifier.verify(chat.get(3), List.of()).line())
        .contains("the key the record itself carries")
        .contains("self-consistent, not who signed it");
  }

  @Test
  void aTamperedEntryFails() {
    String tampered = edit(jsonl.get(9), r -> entry(r).put("reasoning", "I keep all the water."));
    assertThatThrownBy(() -> RecordVerifier.verify(tampered, List.of(logKey)))
        .isInstanceOf(RecordVerificationException.class)
        .hasMessageStartingWith("entry 9: jsonl field 'id' does not match the entry");
    String tamperedWithItsId =
        edit(tampered, r -> r.put("id", CanonicalJson.id(r.get("entry")).hex()));
    assertThatThrownBy(() -> RecordVerifier.verify(tamperedWithItsId, List.of(logKey)))
        .isInstanceOf(RecordVerificationException.class)
        .hasMessage(
            "entry 9: not proved included in checkpoint 320 of aurelius.test/corpus: inclusion"
                + " proof: computed root does not match the expected root");
  }

  @Test
  void anEntryMadeShapelessFailsAsACheckNotAsInput() {
    String shapeless = edit(jsonl.get(2), r -> ((ObjectNode) r.get("entry")).remove("verdict"));
    assertThatThrownBy(() -> RecordVerifier.verify(shapeless, List.of(logKey)))
        .isInstanceOf(RecordVerificationException.class)
        .hasMessage("entry 2: verdict is missing (expected: an object)");
  }

  @Test
  void anEditedChatTurnFails() {
    String tampered =
        edit(
            chat.get(4),
            r ->
                ((ObjectNode) r.withArray("messages").get(1))
                    .put("content", "I keep all the water."));
    assertThatThrownBy(() -> RecordVerifier.verify(tampered, List.of(logKey)))
        .isInstanceOf(RecordVerificationException.class)
        .hasMessageStartingWith("entry 4: chat field 'messages' does not match the entry");
  }

  @Test
  void aTamperedProofStepFails() {
    String tampered =
        edit(
            jsonl.get(200),
            r -> {
              ArrayNode path = (ArrayNode) r.get("proof").get("auditPath");
              byte[] h = Base64.getDecoder().decode(path.get(2).asText());
              h[0] ^= 1;
              path.set(2, Base64.getEncoder().encodeToString(h));
            });
    assertThatThrownBy(() -> RecordVerifier.verify(tampered, List.of(logKey)))
        .isInstanceOf(RecordVerificationException.class)
        .hasMessage(
            "entry 200: not proved included in checkpoint 320 of aurelius.test/corpus: inclusion"
                + " proof: computed root does not match the expected root");
  }

  @Test
  void aSwappedCheckpointFails() {
    String swapped =
        edit(jsonl.get(200), r -> ((ObjectNode) r.get("proof")).put("checkpoint", checkpoint300));
    assertThatThrownBy(() -> RecordVerifier.verify(swapped, List.of(logKey)))
        .isInstanceOf(RecordVerificationException.class)
        .hasMessageStartingWith(
            "entry 200: not proved included in checkpoint 300 of aurelius.test/corpus");
  }

  @Test
  void anUntrustedKeyFails() {
    VerifierKey other = new NoteSigner(Fixtures.ORIGIN, Fixtures.key(9)).verifierKey();
    assertThatThrownBy(() -> RecordVerifier.verify(jsonl.get(0), List.of(other)))
        .isInstanceOf(RecordVerificationException.class)
        .hasMessageStartingWith(
            "checkpoint 320 of aurelius.test/corpus: no signature by a trusted log key "
                + other.name()
                + "+"
                + other.keyIdHex()
                + " (signed by: aurelius.test/corpus+"
                + logKey.keyIdHex());
    String rekeyed =
        edit(jsonl.get(0), r -> ((ObjectNode) r.get("proof")).put("logKey", other.format()));
    assertThatThrownBy(() -> RecordVerifier.verify(rekeyed, List.of()))
        .isInstanceOf(RecordVerificationException.class)
        .hasMessageContaining("no signature by the record's log key");
  }

  @Test
  void whatIsNotARecordIsMalformed() {
    assertThatThrownBy(() -> RecordVerifier.verify("{\"index\":", List.of()))
        .isInstanceOf(MalformedRecordException.class);
    assertThatThrownBy(
            () -> RecordVerifier.verify(edit(jsonl.get(0), r -> r.remove("proof")), List.of()))
        .isInstanceOf(MalformedRecordException.class)
        .hasMessage("record: proof is missing (expected: an object)");
  }

  private static ObjectNode parse(String line) {
    return (ObjectNode) Json.parse(line, "record", LIMITS);
  }

  private static ObjectNode entry(ObjectNode record) {
    return (ObjectNode) record.get("entry").get("aene");
  }

  private static String edit(String line, Consumer<ObjectNode> change) {
    ObjectNode record = parse(line);
    change.accept(record);
    return CanonicalJson.string(record);
  }
}
