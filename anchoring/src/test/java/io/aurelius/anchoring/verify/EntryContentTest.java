package io.aurelius.anchoring.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.anchoring.corpus.CorpusLog;
import io.aurelius.anchoring.corpus.StoredEntryCheck;
import io.aurelius.anchoring.log.GitLog;
import io.aurelius.anchoring.testing.Fixtures;
import io.aurelius.core.json.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entry lines a log key signed but that are not corpus entries fail, named as the slow parse names
 * them; canonical lines the fast check does not read itself still verify.
 */
class EntryContentTest {
  @TempDir Path dir;

  private static String fixture(long i) {
    return CanonicalJson.string(Fixtures.entryJson(i));
  }

  private String verifyWith(String line) throws Exception {
    Path repo = dir.resolve("corpus.git");
    try (CorpusLog corpus =
        CorpusLog.create(repo, Fixtures.ORIGIN, Fixtures.key(1), Fixtures.CLOCK)) {
      corpus.append(0, Fixtures.entries(0, 3));
      corpus.writer().append(3, List.of(line.getBytes(StandardCharsets.UTF_8)));
    }
    try (GitLog log = GitLog.open(repo)) {
      List<String> lines =
          new LogVerifier(TrustPolicy.selfDeclared(log.head().manifest()), Optional.empty())
              .verify(log)
              .lines();
      return lines.get(lines.size() - 1);
    }
  }

  /** The writer refuses such lines, so only a forger makes them; the fast check defers them. */
  @Test
  void nonCanonicalLinesAreLeftToTheSlowCheck() {
    StoredEntryCheck check = new StoredEntryCheck();
    String canonical = fixture(3);
    for (String line :
        List.of(
            canonical.replaceFirst(",", ", "),
            "{\"verdict\":{}," + canonical.substring(1).replace(",\"verdict\":{", ",\"x\":{"),
            canonical.replace("\"simulated\":true", "\"simulated\":true,\"simulated\":false"),
            canonical + "\n")) {
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      assertThat(check.accepts(bytes, 0, bytes.length)).as(line).isFalse();
    }
  }

  @Test
  void aMissingRequiredFieldIsNamed() {
    String line = fixture(3).replace("\"simulated\":true", "\"simulatedx\":true");
    assertThatThrownBy(() -> verifyWith(line))
        .hasMessageStartingWith("entry 3: provenance.model.simulated is MISSING");
  }

  @Test
  void aCanonicalEntryTheFastCheckDoesNotReadItselfStillVerifies() throws Exception {
    // A non-ASCII member name: canonical, but ordered by UTF-16 units, so the fast check defers.
    String canonical = fixture(3);
    String line = canonical.substring(0, canonical.length() - 1) + ",\"Ärger\":1}";
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    assertThat(new StoredEntryCheck().accepts(bytes, 0, bytes.length)).isFalse();
    assertThat(verifyWith(line)).isEqualTo("OK");
  }

  @Test
  void fixturesPassTheFastCheck() {
    StoredEntryCheck check = new StoredEntryCheck();
    for (long i = 0; i < 20; i++) {
      byte[] bytes = fixture(i).getBytes(StandardCharsets.UTF_8);
      assertThat(check.accepts(bytes, 0, bytes.length)).as("entry %d", i).isTrue();
    }
  }
}
