package io.aurelius.anchoring.ots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.core.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OtsFormatTest {
  @Test
  void everyValidProofRoundTripsByteForByte() throws Exception {
    List<Path> files =
        proofs(TestData.path("ots")).stream()
            .filter(p -> !p.getParent().endsWith("invalid"))
            .toList();
    assertThat(files).hasSize(14);
    for (Path file : files) {
      byte[] bytes = Files.readAllBytes(file);
      DetachedTimestamp proof = DetachedTimestamp.read(bytes, file.getFileName().toString());
      assertThat(proof.toBytes()).as(file.toString()).isEqualTo(bytes);
    }
  }

  @Test
  void invalidProofsAreRejectedWithTheirReason() throws IOException {
    Path dir = TestData.path("ots", "invalid");
    assertThatThrownBy(() -> read(dir.resolve("bad-major-version.ots")))
        .isInstanceOf(OtsFormatException.class)
        .hasMessage("bad-major-version.ots: unsupported major version 1151 (expected: 1)");
    assertThatThrownBy(() -> read(dir.resolve("exceeds-max-msg-length.ots")))
        .hasMessageContaining("result of 4112 bytes (expected: at most 4096)");
    assertThatThrownBy(() -> read(dir.resolve("invalid-file-digest-type.ots")))
        .hasMessageContaining(
            "file hash op 0xf3 (expected: sha1 02, ripemd160 03, sha256 08 or keccak256 67)");
    byte[] good = Files.readAllBytes(TestData.path("ots", "hello-world.txt.ots"));
    assertThatThrownBy(
            () -> DetachedTimestamp.read(java.util.Arrays.copyOf(good, good.length - 3), "cut.ots"))
        .hasMessageContaining("cut.ots: at byte")
        .hasMessageContaining("truncated");
    byte[] longer = java.util.Arrays.copyOf(good, good.length + 1);
    assertThatThrownBy(() -> DetachedTimestamp.read(longer, "long.ots"))
        .hasMessage(
            "long.ots: at byte " + good.length + ": 1 trailing bytes (expected: end of proof)");
    assertThatThrownBy(() -> DetachedTimestamp.read("not a proof".getBytes(), "x.ots"))
        .hasMessage("x.ots: not an OpenTimestamps proof (bad magic bytes)");
  }

  @Test
  void unknownAttestationsAreKept() throws Exception {
    DetachedTimestamp proof = read(TestData.path("ots", "unknown-notary.txt.ots"));
    assertThat(proof.timestamp().leaves())
        .anyMatch(l -> l.attestation() instanceof Attestation.Unknown);
    assertThat(new TimestampVerifier(Optional.empty()).verify(proof.timestamp()).status())
        .isEqualTo(StampStatus.UNSUPPORTED);
  }

  @Test
  void verifiesTheStampedFileAndNeverClaimsVerifiedWithoutHeaders() throws Exception {
    DetachedTimestamp hello = read(TestData.path("ots", "hello-world.txt.ots"));
    byte[] file = Files.readAllBytes(TestData.path("ots", "hello-world.txt"));
    StampReport report = new TimestampVerifier(Optional.empty()).verify(hello, file);
    assertThat(report.status()).isEqualTo(StampStatus.UNCHECKED);
    assertThat(report.complete()).isTrue();
    assertThat(report.time()).isEmpty();
    assertThatThrownBy(
            () -> new TimestampVerifier(Optional.empty()).verify(hello, "other".getBytes()))
        .hasMessageContaining("timestamp is for a different file");

    DetachedTimestamp incomplete = read(TestData.path("ots", "incomplete.txt.ots"));
    StampReport pending =
        new TimestampVerifier(Optional.empty())
            .verify(incomplete, Files.readAllBytes(TestData.path("ots", "incomplete.txt")));
    assertThat(pending.status()).isEqualTo(StampStatus.PENDING);
    assertThat(pending.summary()).startsWith("pending at [https://");
  }

  private static DetachedTimestamp read(Path file) throws IOException, OtsFormatException {
    return DetachedTimestamp.read(Files.readAllBytes(file), file.getFileName().toString());
  }

  private static List<Path> proofs(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".ots")).sorted().toList();
    }
  }
}
