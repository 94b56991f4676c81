package io.aurelius.anchoring.ots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proofs this project writes are read by Debian's python3-opentimestamps, the reference. */
class PythonOracleTest {
  @Test
  void pythonReadsOurProofs(@TempDir Path dir) throws Exception {
    assumeTrue(
        PythonOts.available(), "python3-opentimestamps is not installed (.ci/setup installs it)");
    try (TestCalendar calendar = new TestCalendar()) {
      Stamper stamper =
          new Stamper(new CalendarClient(Duration.ofSeconds(5)), List.of(calendar.uri()));
      byte[] file = "a checkpoint\n".getBytes(StandardCharsets.UTF_8);
      DetachedTimestamp pending = stamper.stamp(file).proof().orElseThrow();
      long height = calendar.mine();
      byte[] pendingBytes = pending.toBytes();
      DetachedTimestamp complete =
          stamper.upgrade(DetachedTimestamp.read(pendingBytes, "p")).proof().orElseThrow();

      List<String> lines = python(dir, pendingBytes);
      assertThat(lines.get(0)).isEqualTo(HexFormat.of().formatHex(UnaryOp.SHA256.digest(file)));
      assertThat(lines.get(1)).isEqualTo("True");
      assertThat(lines.get(2)).endsWith("PendingAttestation('" + calendar.uri() + "')");

      List<String> upgraded = python(dir, complete.toBytes());
      assertThat(upgraded.get(1)).isEqualTo("True");
      Timestamp.Leaf bitcoin =
          complete.timestamp().leaves().stream()
              .filter(l -> l.attestation() instanceof Attestation.BlockHeight)
              .findFirst()
              .orElseThrow();
      assertThat(upgraded)
          .contains(
              HexFormat.of().formatHex(bitcoin.msg())
                  + " BitcoinBlockHeaderAttestation("
                  + height
                  + ")");
      assertThat(upgraded).hasSize(4);
    }
  }

  private static List<String> python(Path dir, byte[] proof)
      throws IOException, InterruptedException {
    return PythonOts.read(dir, proof);
  }
}
