package io.aurelius.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.validation.Limits;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Canonical id, signing and verification. */
class IdentityTest {
  private final Ed25519KeyPair key = Ed25519KeyPair.fromSeed(new byte[32]);

  @Test
  void idIgnoresKeyOrderAndWhiteSpace() throws Exception {
    ObjectNode doc = Fixtures.commons();
    String compact = doc.toString();
    String pretty = Json.prettyWriter().writeValueAsString(doc);
    ObjectNode reordered = Json.newObject();
    java.util.List<String> names = new java.util.ArrayList<>();
    doc.fieldNames().forEachRemaining(names::add);
    java.util.Collections.reverse(names);
    names.forEach(n -> reordered.set(n, doc.get(n)));
    var a = ConfigLoader.load(compact.getBytes(StandardCharsets.UTF_8), "a").id();
    var b = ConfigLoader.load(pretty.getBytes(StandardCharsets.UTF_8), "b").id();
    var c = ConfigLoader.load(reordered, "c").id();
    assertThat(a).isEqualTo(b).isEqualTo(c).isEqualTo(ConfigDocuments.id(doc));
  }

  @Test
  void anyContentChangeChangesTheId() {
    ObjectNode doc = Fixtures.commons();
    var before = ConfigDocuments.id(doc);
    ((ObjectNode) doc.at("/world/state/reef")).put("initial", 121);
    assertThat(ConfigDocuments.id(doc)).isNotEqualTo(before);
  }

  @Test
  void signatureIsExcludedFromTheIdAndVerifies() {
    ObjectNode doc = Fixtures.commons();
    ObjectNode signed = ConfigDocuments.sign(doc, key);
    assertThat(ConfigDocuments.id(signed)).isEqualTo(ConfigDocuments.id(doc));
    CompiledConfig loaded = ConfigLoader.load(signed, "signed");
    assertThat(loaded.config().signature().orElseThrow().author())
        .isEqualTo(KeyId.of(key.publicKey()));
    assertThat(ConfigDocuments.verifies(loaded.config().signature().orElseThrow(), loaded.id()))
        .isTrue();
  }

  @Test
  void tamperedContentFailsVerification() {
    ObjectNode signed = ConfigDocuments.sign(Fixtures.commons(), key);
    ((ObjectNode) signed.at("/agents/0"))
        .put("goal", "I want every oyster on the reef for myself.");
    assertThat(Fixtures.problems(signed))
        .singleElement()
        .asString()
        .startsWith(
            "$.signature.signature: does not verify for "
                + KeyId.of(key.publicKey()).address()
                + " (expected: an Ed25519 signature by the author over the id ");
  }

  @Test
  void anotherAuthorsClaimFailsVerification() {
    ObjectNode signed = ConfigDocuments.sign(Fixtures.commons(), key);
    Ed25519KeyPair other =
        Ed25519KeyPair.fromSeed(
            new byte[] {
              1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
              17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32
            });
    ((ObjectNode) signed.get("signature")).put("author", KeyId.of(other.publicKey()).address());
    assertThat(Fixtures.problems(signed)).singleElement().asString().contains("does not verify");
    byte[] sig =
        Base64.getDecoder()
            .decode(
                ConfigDocuments.sign(Fixtures.commons(), key)
                    .get("signature")
                    .get("signature")
                    .textValue());
    sig[0] ^= 1;
    ObjectNode flipped = ConfigDocuments.sign(Fixtures.commons(), key);
    ((ObjectNode) flipped.get("signature"))
        .put("signature", Base64.getEncoder().encodeToString(sig));
    assertThat(Fixtures.problems(flipped)).singleElement().asString().contains("does not verify");
  }

  @Test
  void signedDocumentSurvivesAWriteAndReadBack() throws Exception {
    ObjectNode signed = ConfigDocuments.sign(Fixtures.commons(), key);
    byte[] written = Json.prettyWriter().writeValueAsBytes(signed);
    JsonNode read = Json.parse(written, "signed.json", Limits.JSON);
    assertThat(ConfigLoader.validate(read).valid()).isTrue();
  }
}
