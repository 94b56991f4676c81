package io.aurelius.anchoring.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.core.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every transparency-dev vector file: the wantErr ones rejected, the rest accepted. */
class MerkleVectorsTest {
  private final MerkleVerifier verifier = new MerkleVerifier(new MerkleHasher());

  @Test
  void inclusionVectors() throws IOException {
    List<Path> files = files("inclusion");
    assertThat(files).hasSize(98);
    int accepted = 0;
    for (Path file : files) {
      JsonNode v = read(file);
      long index = v.get("leafIdx").bigIntegerValue().longValue(); // 2^64−1 wraps; read unsigned
      long size = v.get("treeSize").bigIntegerValue().longValue();
      String outcome = null;
      try {
        verifier.verifyInclusion(index, size, b64(v.get("leafHash")), proof(v), b64(v.get("root")));
      } catch (InvalidProofException e) {
        outcome = e.getMessage();
      }
      check(file, v, outcome);
      accepted += outcome == null ? 1 : 0;
    }
    assertThat(accepted).isEqualTo(6);
  }

  @Test
  void consistencyVectors() throws IOException {
    List<Path> files = files("consistency");
    assertThat(files).hasSize(98);
    int accepted = 0;
    for (Path file : files) {
      JsonNode v = read(file);
      String outcome = null;
      try {
        verifier.verifyConsistency(
            v.get("size1").bigIntegerValue().longValue(),
            v.get("size2").bigIntegerValue().longValue(),
            b64(v.get("root1")),
            b64(v.get("root2")),
            proof(v));
      } catch (InvalidProofException e) {
        outcome = e.getMessage();
      }
      check(file, v, outcome);
      accepted += outcome == null ? 1 : 0;
    }
    assertThat(accepted).isEqualTo(6);
  }

  private static void check(Path file, JsonNode v, String rejection) {
    boolean wantErr = v.get("wantErr").booleanValue();
    if (wantErr && rejection == null) {
      fail(file + " (" + v.get("desc").asText() + "): accepted, expected rejection");
    }
    if (!wantErr && rejection != null) {
      fail(file + " (" + v.get("desc").asText() + "): rejected: " + rejection);
    }
  }

  private static List<Path> files(String kind) throws IOException {
    try (Stream<Path> s = Files.walk(TestData.path("merkle", kind))) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  private static JsonNode read(Path file) throws IOException {
    return Json.parse(Files.readAllBytes(file), file.toString(), JsonLimits.UNTRUSTED);
  }

  private static byte[] b64(JsonNode node) {
    return Base64.getDecoder().decode(node.asText());
  }

  private static List<byte[]> proof(JsonNode v) {
    List<byte[]> out = new ArrayList<>();
    JsonNode p = v.get("proof");
    if (p != null && !p.isNull()) {
      p.forEach(h -> out.add(b64(h)));
    }
    return out;
  }
}
