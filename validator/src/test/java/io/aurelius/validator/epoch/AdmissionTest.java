package io.aurelius.validator.epoch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.ConfigLoader;
import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.config.lint.OpacityLint;
import io.aurelius.config.submission.Submission;
import io.aurelius.config.submission.SubmissionQuery;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.judge.api.Judges;
import io.aurelius.judge.gate.QualityGate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Step 3's epoch-wide checks, in UID order, each with its reason code. */
class AdmissionTest {
  private static final KeyId VALIDATOR = KeyId.of(key(1).publicKey());
  private final Admission admission = new Admission(OpacityLint.bundled(), 4);

  @Test
  void theQualityGateRefusesBelowItsThresholdWithItsOwnReasonCode() {
    QualityGate gate = QualityGate.bundled();
    double p = gate.probability(catalogue(0));
    java.util.function.Function<Double, Admission> at =
        t ->
            new Admission(
                OpacityLint.bundled(),
                4,
                d -> {
                  double q = gate.probability(d);
                  return new Judges.GateVerdict(q >= t, q, t, gate.version());
                });
    // The bundled gate admits the catalogue at the validator's default threshold ...
    assertThat(
            at.apply(QualityGate.DEFAULT_THRESHOLD)
                .decide(List.of(answer(0, 10, catalogue(0))), Map.of()))
        .extracting(SubmissionRecord::outcome)
        .containsExactly("admitted");
    // ... and refuses the same configuration when the setting asks for more than it gives.
    List<SubmissionRecord> refused =
        at.apply(Math.min(0.999, p + 0.001)).decide(List.of(answer(0, 10, catalogue(0))), Map.of());
    assertThat(refused).extracting(SubmissionRecord::outcome).containsExactly("quality_gate");
    assertThat(refused.get(0).message())
        .startsWith("quality gate v1: P(GOOD) ")
        .contains("expected: at least");
  }

  @Test
  void exactDuplicatesFromAnotherMinerAreRefusedTheFirstSubmitterKeepsIt() {
    List<SubmissionRecord> out =
        admission.decide(
            List.of(answer(0, 10, catalogue(0)), answer(1, 11, catalogue(0))), Map.of());
    assertThat(out).extracting(SubmissionRecord::outcome).containsExactly("admitted", "duplicate");
    assertThat(out.get(1).message()).contains("first submitted by " + miner(0));
  }

  @Test
  void aConfigurationSeenInAnEarlierEpochFromAnotherMinerIsADuplicateButItsOwnerMayResubmit() {
    ObjectNode doc = catalogue(2);
    String id = ConfigLoader.load(doc, "c").id().hex();
    Map<String, Admission.Known> known = Map.of(id, new Admission.Known(miner(0), doc));
    List<SubmissionRecord> out =
        admission.decide(List.of(answer(0, 10, doc), answer(1, 11, doc)), known);
    assertThat(out).extracting(SubmissionRecord::outcome).containsExactly("admitted", "duplicate");
  }

  @Test
  void moreThanFourSubmissionsFromOneColdkeyAreRateLimited() {
    List<MinerQueries.Checked> answers = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      answers.add(answer(i, 10, catalogue(i)));
    }
    List<SubmissionRecord> out = admission.decide(answers, Map.of());
    assertThat(out)
        .extracting(SubmissionRecord::outcome)
        .containsExactly("admitted", "admitted", "admitted", "admitted", "rate_limited");
    assertThat(out.get(4).message()).contains("expected: at most 4 per coldkey");
  }

  @Test
  void aLightlyEditedCopyOfAnotherMinersConfigurationIsANearDuplicate() {
    ObjectNode copy = catalogue(0);
    copy.put("name", copy.path("name").asText() + "_mine");
    List<SubmissionRecord> out =
        admission.decide(List.of(answer(0, 10, catalogue(0)), answer(1, 11, copy)), Map.of());
    assertThat(out)
        .extracting(SubmissionRecord::outcome)
        .containsExactly("admitted", "near_duplicate");
    assertThat(out.get(1).message()).contains("similarity").contains("expected: below 0.80");
  }

  @Test
  void aForkThatChangesNothingButItsLineageIsRefused() {
    ObjectNode parent = catalogue(1);
    String parentId = ConfigLoader.load(parent, "p").id().hex();
    ObjectNode fork = catalogue(1);
    fork.put("parent", parentId);
    Map<String, Admission.Known> known = Map.of(parentId, new Admission.Known(miner(0), parent));
    List<SubmissionRecord> out = admission.decide(List.of(answer(1, 11, fork)), known);
    assertThat(out).extracting(SubmissionRecord::outcome).containsExactly("fork_identical");
  }

  @Test
  void aConfigurationThatTellsAgentsTheyAreInASimulationIsLintDirty() {
    ObjectNode doc = catalogue(0);
    ((ObjectNode) doc.withArray("agents").get(0))
        .put("goal", "I want to win this simulation and keep the reef alive for my family.");
    List<SubmissionRecord> out = admission.decide(List.of(answer(0, 10, doc)), Map.of());
    assertThat(out).extracting(SubmissionRecord::outcome).containsExactly("lint_dirty");
    assertThat(out.get(0).message()).startsWith("opacity lint: ");
  }

  private static MinerQueries.Checked answer(int minerLabel, int coldLabel, JsonNode doc) {
    Ed25519KeyPair key = key(100 + minerLabel);
    Submission s =
        Submission.issue(new SubmissionQuery(3, VALIDATOR, 65536), key, doc, Instant.now());
    Member m =
        new Member(
            minerLabel,
            miner(minerLabel),
            KeyId.of(key(coldLabel).publicKey()).address(),
            "miner",
            "127.0.0.1",
            1,
            0,
            false,
            "ed25519");
    return new MinerQueries.Checked(
        m,
        Optional.of(
            new MinerQueries.Answered(
                ConfigLoader.load(s.configuration(), "test"), s.configuration())),
        Outcome.ADMITTED,
        "ok");
  }

  private static String miner(int label) {
    return KeyId.of(key(100 + label).publicKey()).address();
  }

  private static ObjectNode catalogue(int i) {
    return (ObjectNode)
        Json.parse(
            Catalogue.bytes(Catalogue.names().get(i)).orElseThrow(),
            "catalogue",
            JsonLimits.UNTRUSTED);
  }

  private static Ed25519KeyPair key(int label) {
    byte[] seed = new byte[32];
    seed[0] = (byte) label;
    seed[1] = 3;
    return Ed25519KeyPair.fromSeed(seed);
  }
}
