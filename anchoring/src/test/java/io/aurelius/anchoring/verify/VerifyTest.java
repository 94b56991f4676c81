package io.aurelius.anchoring.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.anchoring.burn.Burns;
import io.aurelius.anchoring.corpus.CorpusExport;
import io.aurelius.anchoring.corpus.CorpusLog;
import io.aurelius.anchoring.corpus.ExportFormat;
import io.aurelius.anchoring.covenant.CovenantLog;
import io.aurelius.anchoring.log.Cosignature;
import io.aurelius.anchoring.log.GitLog;
import io.aurelius.anchoring.log.LogPaths;
import io.aurelius.anchoring.note.NoteSigner;
import io.aurelius.anchoring.note.SignedNote;
import io.aurelius.anchoring.note.StakeThreshold;
import io.aurelius.anchoring.ots.BitcoindRpcClient;
import io.aurelius.anchoring.ots.CalendarClient;
import io.aurelius.anchoring.ots.Stamper;
import io.aurelius.anchoring.ots.TestCalendar;
import io.aurelius.anchoring.stamping.CheckpointStamper;
import io.aurelius.anchoring.stamping.StampRun;
import io.aurelius.anchoring.testing.Fixtures;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.hash.ContentId;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full life: appends, cosignatures, timestamps, a burn, a covenant, and clean exports. */
class VerifyTest {
  private static final Ed25519KeyPair KEY = Fixtures.key(1);
  private static final NoteSigner W1 = new NoteSigner("witness-one", Fixtures.key(2));
  private static final NoteSigner W2 = new NoteSigner("witness-two", Fixtures.key(3));
  private static final NoteSigner W3 = new NoteSigner("witness-three", Fixtures.key(4));

  @Test
  void aCorpusWithEverythingVerifies(@TempDir Path dir) throws Exception {
    Path repo = dir.resolve("corpus.git");
    try (TestCalendar calendar = new TestCalendar();
        CorpusLog corpus = CorpusLog.create(repo, Fixtures.ORIGIN, KEY, Fixtures.CLOCK)) {
      corpus.append(0, Fixtures.entries(0, 300));
      cosign(corpus, 300, W1, W2);
      corpus.append(300, Fixtures.entries(300, 20));
      cosign(corpus, 320, W3);
      Burns.burn(
          corpus.writer(),
          corpus.head(),
          7,
          "contains a private name",
          ContentId.of("evidence".getBytes()),
          1_700_000_100L,
          KEY);

      CheckpointStamper stamper =
          new CheckpointStamper(
              new Stamper(new CalendarClient(Duration.ofSeconds(5)), List.of(calendar.uri())));
      StampRun first = stamper.run(corpus.log(), corpus.writer(), false);
      assertThat(first.stamped()).containsExactly(300L, 320L);
      calendar.mine();
      StampRun upgraded = stamper.run(corpus.log(), corpus.writer(), true);
      assertThat(upgraded.upgraded()).containsExactly(300L, 320L);

      TrustPolicy pinned =
          TrustPolicy.fromTrustedKeys(
              List.of(
                  "# the corpus log and its witnesses",
                  corpus.head().manifest().logKey().format(),
                  W1.cosignerKey().format() + " 40",
                  W2.cosignerKey().format() + " 30",
                  W3.cosignerKey().format() + " 30"),
              StakeThreshold.parse("2/3"),
              "trusted-keys.txt");
      VerificationReport report = new LogVerifier(pinned, Optional.empty()).verify(corpus.log());
      assertThat(report.witnessed()).isEqualTo(1);
      assertThat(report.latestWitnessed()).hasValue(300L);
      assertThat(report.stamps()).containsEntry("unchecked", 2);
      assertThat(report.burned()).containsExactly(7L);
      assertThat(String.join("\n", report.lines()))
          .contains("entry 7 (")
          .contains("contains a private name")
          .contains("2 complete but unchecked")
          .contains("trust:        trusted-keys.txt");

      BitcoindRpcClient rpc = new BitcoindRpcClient(calendar.rpcUri(), Duration.ofSeconds(5));
      assertThat(new LogVerifier(pinned, Optional.of(rpc)).verify(corpus.log()).stamps())
          .containsEntry("verified", 2);

      assertThatThrownBy(
              () ->
                  new LogVerifier(pinned.requiringWitnessed(true), Optional.empty())
                      .verify(corpus.log()))
          .hasMessage(
              "checkpoint 320: not witnessed (cosigned by less than 2/3 of 100 witness stake;"
                  + " trusted-keys.txt; --require-witnessed-enabled=false accepts it unwitnessed)");

      StringWriter chat = new StringWriter();
      assertThat(
              CorpusExport.write(corpus.head(), report.burned(), ExportFormat.CHAT, chat).records())
          .isEqualTo(319);
      String firstLine = chat.toString().lines().findFirst().orElseThrow();
      assertThat(firstLine)
          .startsWith("{\"entry\":{\"aene\":")
          .contains("\"messages\":[{\"content\":\"Day 0: the well is nearly dry")
          .contains("\"role\":\"assistant\"")
          .contains("Action: I give her half of what I have.")
          .contains("\"simulated\":true")
          .contains("\"entry\":0");
      assertThat(chat.toString()).doesNotContain("Day 7:");
      StringWriter jsonl = new StringWriter();
      CorpusExport.write(corpus.head(), report.burned(), ExportFormat.JSONL, jsonl);
      assertThat(jsonl.toString().lines())
          .hasSize(319)
          .first()
          .asString()
          .startsWith("{\"entry\":{\"aene\":");
    }
  }

  @Test
  void aForgedCosignatureFailsAndAnUnknownOneIsIgnored(@TempDir Path dir) throws Exception {
    Path repo = dir.resolve("corpus.git");
    try (CorpusLog corpus = CorpusLog.create(repo, Fixtures.ORIGIN, KEY, Fixtures.CLOCK)) {
      corpus.append(0, Fixtures.entries(0, 3));
      cosign(corpus, 3, W1);
      TrustPolicy w1Only =
          TrustPolicy.fromTrustedKeys(
              List.of(corpus.head().manifest().logKey().format(), W1.cosignerKey().format()),
              StakeThreshold.parse("1/2"),
              "keys");
      assertThat(new LogVerifier(w1Only, Optional.empty()).verify(corpus.log()).witnessed())
          .isEqualTo(1);
      // A witness unknown to this verifier is ignored, as the signed-note spec says.
      TrustPolicy w2Only =
          TrustPolicy.fromTrustedKeys(
              List.of(corpus.head().manifest().logKey().format(), W2.cosignerKey().format()),
              StakeThreshold.parse("1/2"),
              "keys");
      assertThat(new LogVerifier(w2Only, Optional.empty()).verify(corpus.log()).witnessed())
          .isZero();
    }
    try (GitLog log = GitLog.open(repo)) {
      var attacker = new io.aurelius.anchoring.testing.Attacker(log);
      SignedNote note = SignedNote.parse(attacker.read(LogPaths.checkpoint(3)));
      SignedNote forged =
          note.withSignature(W1.cosign(note.text().replace("\n3\n", "\n4\n"), 1_700_000_000L));
      attacker.commit(
          java.util.Map.of(
              LogPaths.checkpoint(3), forged.bytes(), LogPaths.LATEST_CHECKPOINT, forged.bytes()));
      TrustPolicy w1Only =
          TrustPolicy.fromTrustedKeys(
              List.of(log.head().manifest().logKey().format(), W1.cosignerKey().format()),
              StakeThreshold.parse("1/2"),
              "keys");
      assertThatThrownBy(() -> new LogVerifier(w1Only, Optional.empty()).verify(log))
          .hasMessage(
              "checkpoint 3: note: cosignature by witness-one+"
                  + W1.cosignerKey().keyIdHex()
                  + " does not verify");
    }
  }

  @Test
  void theCovenantNamesTheCorpusKeysAndWitnesses(@TempDir Path dir) throws Exception {
    Ed25519KeyPair covenantKey = Fixtures.key(5);
    try (CorpusLog corpus =
            CorpusLog.create(dir.resolve("corpus.git"), Fixtures.ORIGIN, KEY, Fixtures.CLOCK);
        CovenantLog covenant =
            CovenantLog.create(
                dir.resolve("covenant.git"),
                "aurelius.test/covenant",
                covenantKey,
                Fixtures.CLOCK,
                Fixtures.genesis(
                    Fixtures.ORIGIN,
                    List.of(corpus.head().manifest().logKey().format()),
                    List.of(W1.cosignerKey().format(), W2.cosignerKey().format())))) {
      corpus.append(0, Fixtures.entries(0, 5));
      cosign(corpus, 5, W1, W2);
      var amendment = io.aurelius.core.json.Json.newObject();
      amendment
          .put("schema", "aurelius/covenant/1")
          .put("type", "amendment")
          .put("amends", covenant.current().latest().hex())
          .put("rationale", "Raise the bar.");
      amendment.putObject("changes").putObject("parameters").put("dlvThreshold", 0.7);
      covenant.amend(amendment);

      VerificationReport covenantReport =
          new LogVerifier(
                  TrustPolicy.selfDeclared(covenant.log().head().manifest()), Optional.empty())
              .verify(covenant.log());
      assertThat(covenantReport.covenant().orElseThrow().entries()).isEqualTo(2);
      assertThat(
              covenantReport.covenant().orElseThrow().parameters().path("dlvThreshold").asDouble())
          .isEqualTo(0.7);

      TrustPolicy fromCovenant =
          TrustPolicy.fromCovenant(
              covenantReport.covenant().orElseThrow(), "covenant aurelius.test/covenant");
      VerificationReport report =
          new LogVerifier(fromCovenant, Optional.empty()).verify(corpus.log());
      assertThat(report.witnessed()).isEqualTo(1);

      assertThatThrownBy(() -> covenant.amend(amendment))
          .hasMessageContaining("covenant entry 2: amends");
    }
  }

  private static void cosign(CorpusLog corpus, long size, NoteSigner... witnesses)
      throws Exception {
    String text = SignedNote.parse(corpus.head().checkpointBytes(size)).text();
    List<Cosignature> lines = new java.util.ArrayList<>();
    for (NoteSigner w : witnesses) {
      lines.add(new Cosignature(w.cosignerKey(), w.cosign(text, 1_700_000_050L)));
    }
    corpus.writer().addCosignatures(size, lines);
  }
}
