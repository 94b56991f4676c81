package io.aurelius.config.submission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.ConfigDocuments;
import io.aurelius.config.module.Module;
import io.aurelius.config.module.ModuleLimits;
import io.aurelius.config.module.ModuleSet;
import io.aurelius.config.module.ShippedModules;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.Sr25519KeyPair;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A module submission is checked like a configuration's (miner, validator, epoch, freshness, id,
 * the miner's signature) and then admitted as a module against the receiver's world model, every
 * refusal with a reason code and one line.
 */
class ModuleSubmissionTest {
  private static final Ed25519KeyPair MINER = key(1);
  private static final KeyId MINER_ID = KeyId.of(MINER.publicKey());
  private static final KeyId VALIDATOR = KeyId.of(key(3).publicKey());
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final SubmissionQuery QUERY = new SubmissionQuery(7, VALIDATOR, 65536);

  private final SubmissionVerifier verifier = SubmissionVerifier.defaults();

  private static Ed25519KeyPair key(int n) {
    byte[] seed = new byte[32];
    seed[0] = (byte) n;
    return Ed25519KeyPair.fromSeed(seed);
  }

  private static ObjectNode whisper() {
    return (ObjectNode)
        Json.parse(ShippedModules.bytes("whisper").orElseThrow(), "whisper", ModuleLimits.JSON);
  }

  private static byte[] wire(ObjectNode body) {
    return CanonicalJson.bytes(body);
  }

  private ModuleSubmissionCheck check(byte[] body, ModuleSet adopted) {
    return verifier.checkModule(body, QUERY, MINER_ID, NOW, adopted);
  }

  private static void assertRefused(
      ModuleSubmissionCheck check, SubmissionReason reason, String fragment) {
    assertThat(check).isInstanceOf(ModuleSubmissionCheck.Refused.class);
    ModuleSubmissionCheck.Refused refused = (ModuleSubmissionCheck.Refused) check;
    assertThat(refused.reason()).isEqualTo(reason);
    assertThat(refused.message()).contains(fragment).doesNotContain("\n");
  }

  @Test
  void anIssuedModuleIsAdmittedSignedByTheMinerWithItsIdUnchanged() {
    ModuleSubmission s = ModuleSubmission.issue(QUERY, MINER, whisper(), NOW);
    assertThat(ModuleSubmission.fromJson(s.toJson())).isEqualTo(s);

    ModuleSubmissionCheck check = check(wire(s.toJson()), ModuleSet.BASE);
    assertThat(check).isInstanceOf(ModuleSubmissionCheck.Admitted.class);
    Module module = ((ModuleSubmissionCheck.Admitted) check).module();
    assertThat(module.id()).isEqualTo(ShippedModules.load("whisper", ModuleSet.BASE).id());
    assertThat(module.info().signature().orElseThrow().author()).isEqualTo(MINER_ID);
  }

  @Test
  void aModuleTheMinerSignedIsServedWithTheSameBytesEveryTime() {
    // sr25519 signatures are randomized: re-signing at every answer would give each validator
    // other bytes for the same module, and so another adoption line.
    Sr25519KeyPair miner = Sr25519KeyPair.generate();
    ObjectNode signed = ConfigDocuments.sign(whisper(), miner);
    ModuleSubmission first = ModuleSubmission.issue(QUERY, miner, signed, NOW);
    ModuleSubmission second =
        ModuleSubmission.issue(new SubmissionQuery(8, VALIDATOR, 65536), miner, signed, NOW);
    assertThat(CanonicalJson.bytes(first.module())).isEqualTo(CanonicalJson.bytes(signed));
    assertThat(CanonicalJson.bytes(second.module())).isEqualTo(CanonicalJson.bytes(signed));
    assertThat(ConfigDocuments.sign(whisper(), miner))
        .as("a fresh sr25519 signature differs")
        .isNotEqualTo(signed);
  }

  @Test
  void aModuleSignedByAnotherOrUnsignedIsSignedByTheMiner() {
    ObjectNode byAnother = ConfigDocuments.sign(whisper(), key(2));
    for (ObjectNode document : List.of(byAnother, whisper())) {
      ModuleSubmission s = ModuleSubmission.issue(QUERY, MINER, document, NOW);
      assertThat(s.module().path("signature").path("author").asText())
          .isEqualTo(MINER_ID.address());
      assertThat(check(wire(s.toJson()), ModuleSet.BASE))
          .isInstanceOf(ModuleSubmissionCheck.Admitted.class);
    }
  }

  @Test
  void theEnvelopeIsCheckedLikeAConfigurations() {
    ObjectNode body = ModuleSubmission.issue(QUERY, MINER, whisper(), NOW).toJson();
    assertRefused(
        verifier.checkModule(wire(body), QUERY, KeyId.of(key(2).publicKey()), NOW, ModuleSet.BASE),
        SubmissionReason.WRONG_MINER,
        "module submission.miner: ");
    assertRefused(
        verifier.checkModule(
            wire(body), new SubmissionQuery(8, VALIDATOR, 65536), MINER_ID, NOW, ModuleSet.BASE),
        SubmissionReason.WRONG_EPOCH,
        "module submission.epoch: 7 (expected: 8)");

    ObjectNode tampered = body.deepCopy();
    ((ObjectNode) tampered.get("module")).put("title", "Someone else's whisper");
    assertRefused(
        check(wire(tampered), ModuleSet.BASE),
        SubmissionReason.ID_MISMATCH,
        "module submission.module_id: ");

    ObjectNode unsigned = body.deepCopy();
    ((ObjectNode) unsigned.get("module")).remove("signature");
    assertRefused(
        check(wire(unsigned), ModuleSet.BASE),
        SubmissionReason.UNSIGNED,
        "module submission.module.signature: missing");

    assertRefused(
        check("{\"module\": 1}".getBytes(java.nio.charset.StandardCharsets.UTF_8), ModuleSet.BASE),
        SubmissionReason.MALFORMED,
        "module submission");
  }

  @Test
  void aModuleThatCollidesWithAnAdoptedNameIsRefusedWithTheModulesReasonCode() {
    Module adopted = ShippedModules.load("whisper", ModuleSet.BASE);
    ObjectNode rival = whisper();
    rival.put("title", "A louder whisper");
    ModuleSubmission s = ModuleSubmission.issue(QUERY, MINER, rival, NOW);

    assertThat(check(wire(s.toJson()), ModuleSet.BASE))
        .isInstanceOf(ModuleSubmissionCheck.Admitted.class);
    assertRefused(
        check(wire(s.toJson()), ModuleSet.of(List.of(adopted))),
        SubmissionReason.INVALID_MODULE,
        "$.name: [name_collision] \"whisper\" is the adopted module " + adopted.id().hex());
  }
}
