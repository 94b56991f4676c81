package io.aurelius.config.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.CompiledConfig;
import io.aurelius.config.ConfigDocuments;
import io.aurelius.config.Fixtures;
import io.aurelius.config.module.Module;
import io.aurelius.config.module.ModuleSet;
import io.aurelius.config.module.ShippedModules;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubmissionVerifierTest {
  private static final Ed25519KeyPair MINER = key(1);
  private static final Ed25519KeyPair OTHER = key(2);
  private static final KeyId VALIDATOR = KeyId.of(key(3).publicKey());
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final SubmissionQuery QUERY = new SubmissionQuery(7, VALIDATOR, 65536);
  private static final KeyId MINER_ID = KeyId.of(MINER.publicKey());

  private final SubmissionVerifier verifier = SubmissionVerifier.defaults();

  private static Ed25519KeyPair key(int n) {
    byte[] seed = new byte[32];
    seed[0] = (byte) n;
    return Ed25519KeyPair.fromSeed(seed);
  }

  private static Submission issued() {
    return Submission.issue(QUERY, MINER, Fixtures.commons(), NOW);
  }

  private static byte[] wire(Submission s) {
    return CanonicalJson.bytes(s.toJson());
  }

  private static byte[] wire(ObjectNode body) {
    return CanonicalJson.bytes(body);
  }

  private SubmissionCheck check(byte[] body) {
    return verifier.check(body, QUERY, MINER_ID, NOW);
  }

  private static void assertRefused(
      SubmissionCheck check, SubmissionReason reason, String fragment) {
    assertThat(check).isInstanceOf(SubmissionCheck.Refused.class);
    SubmissionCheck.Refused refused = (SubmissionCheck.Refused) check;
    assertThat(refused.reason()).isEqualTo(reason);
    assertThat(refused.message()).contains(fragment).doesNotContain("\n");
  }

  @Test
  void anIssuedSubmissionIsAdmittedWithItsCompiledConfiguration() {
    Submission s = issued();
    SubmissionCheck check = check(wire(s));
    assertThat(check).isInstanceOf(SubmissionCheck.Admitted.class);
    SubmissionCheck.Admitted admitted = (SubmissionCheck.Admitted) check;
    assertThat(admitted.config().id()).isEqualTo(ConfigDocuments.id(Fixtures.commons()));
    assertThat(admitted.submission()).isEqualTo(s);
    assertThat(admitted.config().config().signature().orElseThrow().author()).isEqualTo(MINER_ID);
  }

  @Test
  void aConfigurationImportingAModuleIsAdmittedOnlyAgainstAWorldModelThatAdoptedIt() {
    Module whisper = ShippedModules.load("whisper", ModuleSet.BASE);
    ModuleSet adopted = ModuleSet.of(List.of(whisper));
    ObjectNode config = Fixtures.commons();
    config.putArray("imports").addObject().put("module", whisper.id().hex());
    byte[] body = wire(Submission.issue(QUERY, MINER, config, NOW));

    assertRefused(
        check(body), SubmissionReason.INVALID_CONFIG, "[not_adopted] " + whisper.id().hex());
    SubmissionCheck check = verifier.check(body, QUERY, MINER_ID, NOW, adopted);
    assertThat(check).isInstanceOf(SubmissionCheck.Admitted.class);
    CompiledConfig compiled = ((SubmissionCheck.Admitted) check).config();
    assertThat(compiled.id()).isEqualTo(ConfigDocuments.id(config));
    assertThat(compiled.modules().version()).isEqualTo(adopted.version());
    assertThat(compiled.modules().used()).containsExactly(whisper);
  }

  @Test
  void issuingReplacesAnEarlierSignatureWithTheMiners() {
    ObjectNode signedByOther = ConfigDocuments.sign(Fixtures.commons(), OTHER);
    Submission s = Submission.issue(QUERY, MINER, signedByOther, NOW);
    assertThat(s.configuration().get("signature").get("author").textValue())
        .isEqualTo(MINER_ID.address());
    assertThat(check(wire(s))).isInstanceOf(SubmissionCheck.Admitted.class);
  }

  @Test
  void theWireFormRoundTrips() {
    Submission s = issued();
    JsonNode parsed = Json.parse(wire(s), "body", JsonLimits.UNTRUSTED);
    assertThat(Submission.fromJson(parsed)).isEqualTo(s);
    assertThat(parsed.fieldNames())
        .toIterable()
        .containsExactly(
            "config_id", "configuration", "epoch", "issued_at_ms", "miner", "validator");
    assertThat(SubmissionQuery.fromJson(QUERY.toJson())).isEqualTo(QUERY);
  }

  @Test
  void aTamperedConfigurationNoLongerMatchesItsId() {
    ObjectNode body = issued().toJson();
    ((ObjectNode) body.get("configuration")).put("title", "Changed after signing");
    assertRefused(check(wire(body)), SubmissionReason.ID_MISMATCH, "submission.config_id");
  }

  @Test
  void aTamperedConfigurationWithARecomputedIdFailsItsSignature() {
    ObjectNode body = issued().toJson();
    ObjectNode config = (ObjectNode) body.get("configuration");
    config.put("title", "Changed after signing");
    body.put("config_id", ConfigDocuments.id(config).hex());
    assertRefused(check(wire(body)), SubmissionReason.BAD_SIGNATURE, "does not verify");
  }

  @Test
  void aConfigurationSignedBySomeoneElseIsRefused() {
    ObjectNode body = issued().toJson();
    body.set("configuration", ConfigDocuments.sign(Fixtures.commons(), OTHER));
    assertRefused(
        check(wire(body)), SubmissionReason.WRONG_SIGNER, "expected: the miner " + MINER_ID);
  }

  @Test
  void aSubmissionClaimingAnotherMinerIsRefused() {
    Submission byOther = Submission.issue(QUERY, OTHER, Fixtures.commons(), NOW);
    assertRefused(check(wire(byOther)), SubmissionReason.WRONG_MINER, "the hotkey that answered");
  }

  @Test
  void anUnsignedConfigurationIsRefused() {
    ObjectNode body = issued().toJson();
    ((ObjectNode) body.get("configuration")).remove("signature");
    assertRefused(check(wire(body)), SubmissionReason.UNSIGNED, "signature: missing");
  }

  @Test
  void aMalformedSignatureBlockIsRefused() {
    ObjectNode body = issued().toJson();
    ((ObjectNode) body.get("configuration").get("signature")).put("signature", "!!not base64");
    assertRefused(check(wire(body)), SubmissionReason.BAD_SIGNATURE, "submission.configuration");
  }

  @Test
  void oversizedBodiesAreRefusedBeforeParsing() {
    byte[] huge = new byte[Submission.maxWireBytes(QUERY.maxBytes()) + 1];
    java.util.Arrays.fill(huge, (byte) ' ');
    assertRefused(check(huge), SubmissionReason.OVERSIZE, "bytes (expected: at most");
  }

  @Test
  void aConfigurationLargerThanTheQueryAllowsIsRefused() {
    Submission s = issued();
    int size = s.configurationBytes();
    SubmissionQuery tight = new SubmissionQuery(7, VALIDATOR, size - 1);
    assertRefused(
        verifier.check(wire(s), tight, MINER_ID, NOW),
        SubmissionReason.OVERSIZE,
        size + " canonical bytes");
    SubmissionQuery exact = new SubmissionQuery(7, VALIDATOR, size);
    assertThat(verifier.check(wire(s), exact, MINER_ID, NOW))
        .isInstanceOf(SubmissionCheck.Admitted.class);
  }

  @Test
  void wrongEpochValidatorAndStaleTimesAreRefused() {
    Submission s = issued();
    assertRefused(
        verifier.check(wire(s), new SubmissionQuery(8, VALIDATOR, 65536), MINER_ID, NOW),
        SubmissionReason.WRONG_EPOCH,
        "submission.epoch: 7 (expected: 8)");
    KeyId someoneElse = KeyId.of(OTHER.publicKey());
    assertRefused(
        verifier.check(wire(s), new SubmissionQuery(7, someoneElse, 65536), MINER_ID, NOW),
        SubmissionReason.WRONG_VALIDATOR,
        "submission.validator");
    assertRefused(
        verifier.check(wire(s), QUERY, MINER_ID, NOW.plus(Duration.ofMinutes(3))),
        SubmissionReason.STALE,
        "expected: within 120 s");
    assertThat(verifier.check(wire(s), QUERY, MINER_ID, NOW.minus(Duration.ofMinutes(1))))
        .isInstanceOf(SubmissionCheck.Admitted.class);
  }

  @Test
  void anInvalidConfigurationIsRefusedWithItsFirstProblem() {
    ObjectNode broken = Fixtures.commons();
    broken.put("name", "Not A Valid Name");
    Submission s = Submission.issue(QUERY, MINER, broken, NOW);
    assertRefused(check(wire(s)), SubmissionReason.INVALID_CONFIG, "$.name");
  }

  @Test
  void malformedBodiesAreRefusedWithTheMemberAtFault() {
    assertRefused(
        check("not json".getBytes(StandardCharsets.UTF_8)),
        SubmissionReason.MALFORMED,
        "malformed JSON");
    ObjectNode extra = issued().toJson();
    extra.put("bonus", 1);
    assertRefused(check(wire(extra)), SubmissionReason.MALFORMED, "submission.bonus: unknown");
    ObjectNode missing = issued().toJson();
    missing.remove("config_id");
    assertRefused(
        check(wire(missing)), SubmissionReason.MALFORMED, "submission.config_id: missing");
    ObjectNode textEpoch = issued().toJson();
    textEpoch.put("epoch", "7");
    assertRefused(check(wire(textEpoch)), SubmissionReason.MALFORMED, "submission.epoch");
    ObjectNode badKey = issued().toJson();
    badKey.put("miner", "5Fnot-a-key");
    assertRefused(check(wire(badKey)), SubmissionReason.MALFORMED, "submission.miner");
    ObjectNode arrayConfig = issued().toJson();
    arrayConfig.putArray("configuration");
    assertRefused(
        check(wire(arrayConfig)), SubmissionReason.MALFORMED, "submission.configuration: an array");
  }

  @Test
  void queriesAreReadStrictly() {
    ObjectNode q = QUERY.toJson();
    q.put("max_bytes", 65537);
    assertThatThrownBy(() -> SubmissionQuery.fromJson(q))
        .isInstanceOf(MalformedSubmissionException.class)
        .hasMessageContaining("query.max_bytes: 65537 (expected: an integer in 1..65536)");
    ObjectNode fractional = QUERY.toJson();
    fractional.put("epoch", 1.5);
    assertThatThrownBy(() -> SubmissionQuery.fromJson(fractional))
        .hasMessageContaining("query.epoch");
    ObjectNode extra = QUERY.toJson();
    extra.put("limit", 3);
    assertThatThrownBy(() -> SubmissionQuery.fromJson(extra))
        .hasMessageContaining("query.limit: unknown member");
    assertThatThrownBy(() -> SubmissionQuery.fromJson(Json.newObject().textNode("x")))
        .hasMessageContaining("query: a string (expected: a JSON object)");
  }
}
