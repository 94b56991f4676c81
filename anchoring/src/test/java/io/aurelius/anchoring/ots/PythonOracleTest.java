package io.aurelius.anchoring.ots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proofs this project writes are read by Debian's python3-opentimestamps, the reference. */
class PythonOracleTest {
  private static final String PYTHON = "/usr/bin/python3";
  private static final String SCRIPT =
      String.join(
          "\n",
          "import sys",
          "from opentimestamps.core.timestamp import DetachedTimestampFile",
          "from opentimestamps.core.serialize import StreamDeserializationContext, BytesSerializationContext",
          "with open(sys.argv[1], 'rb') as fd:",
          "    f = DetachedTimestampFile.deserialize(StreamDeserializationContext(fd))",
          "ctx = BytesSerializationContext()",
          "f.serialize(ctx)",
          "print(f.file_digest.hex())",
          "print(ctx.getbytes() == open(sys.argv[1], 'rb').read())",
          "for msg, a in sorted(f.timestamp.all_attestations(), key=lambda p: repr(p[1])):",
          "    print(msg.hex(), repr(a))");

  @Test
  void pythonReadsOurProofs(@TempDir Path dir) throws Exception {
    assumeTrue(
        pythonHasOpentimestamps(),
        "python3-opentimestamps is not installed (.ci/setup installs it)");
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
    Path file = Files.createTempFile(dir, "proof", ".ots");
    Files.write(file, proof);
    Process p =
        new ProcessBuilder(PYTHON, "-c", SCRIPT, file.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out.lines().toList();
  }

  private static boolean pythonHasOpentimestamps() throws InterruptedException {
    if (!Files.isExecutable(Path.of(PYTHON))) {
      return false;
    }
    try {
      Process p =
          new ProcessBuilder(PYTHON, "-c", "import opentimestamps.core.timestamp")
              .redirectErrorStream(true)
              .start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }
}
