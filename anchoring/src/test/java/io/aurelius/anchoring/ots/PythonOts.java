package io.aurelius.anchoring.ots;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's python3-opentimestamps, the reference reader, run on a proof: prints the file digest,
 * whether re-serialising gives the same bytes, then each attestation with its message. Test
 * fixture.
 */
public final class PythonOts {
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

  private PythonOts() {}

  /** The lines the reference prints for {@code proof} (a failure to read it fails the test). */
  public static List<String> read(Path dir, byte[] proof) throws IOException, InterruptedException {
    Path file = Files.createTempFile(dir, "proof", ".ots");
    Files.write(file, proof);
    Process p =
        new ProcessBuilder(PYTHON, "-c", SCRIPT, file.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out.lines().toList();
  }

  /** Whether python3 with the opentimestamps package is installed (.ci/setup installs it). */
  public static boolean available() throws InterruptedException {
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
