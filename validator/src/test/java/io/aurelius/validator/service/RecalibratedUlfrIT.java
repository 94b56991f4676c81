package io.aurelius.validator.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.anchoring.covenant.AmendmentProposal;
import io.aurelius.anchoring.covenant.AmendmentTally;
import io.aurelius.anchoring.covenant.AmendmentVote;
import io.aurelius.anchoring.covenant.CovenantLog;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.Json;
import io.aurelius.validator.epoch.CovenantUlfr;
import io.aurelius.validator.epoch.EpochReport;
import io.aurelius.worldmodel.outcome.Ulfr;
import io.aurelius.worldmodel.outcome.UlfrWeights;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A validator reads the ULFR weights from its covenant log at each epoch start: an epoch scored
 * under the genesis covenant names {@code ulfr-v1}; after a recalibration amendment adopted by the
 * validators' vote is appended to the log, the next epoch's scores name {@code ulfr-v2} and are
 * computed with its weights.
 */
class RecalibratedUlfrIT {
  private static final UlfrWeights V2 =
      new UlfrWeights("ulfr-v2", 0.10, 0.10, 0.60, 0.20, 0.5, 0.5, 0.5);

  @TempDir Path dir;

  @Test
  void theEpochAfterAnAdoptedRecalibrationScoresWithTheNewWeights() throws Exception {
    Ed25519KeyPair logKey = Ed25519KeyPair.generate();
    Path covenantDir = dir.resolve("covenant.git");
    try (CovenantLog covenant =
            CovenantLog.create(covenantDir, "test/covenant", logKey, Clock.systemUTC(), genesis());
        TestNet net =
            new TestNet(
                dir.resolve("net"),
                1,
                List.of(TestNet.catalogue(0), TestNet.catalogue(1), TestNet.catalogue(2)))) {
      ValidatorService v =
          net.validator(0, TestNet.settings(net.home(0)).withCovenant(covenantDir));
      net.sealUntilEpoch(3);
      EpochReport first = v.runEpoch(v.chainEpoch());
      List<Ulfr> before = lenses(first);
      assertThat(before).isNotEmpty().allSatisfy(u -> assertThat(u.weights()).isEqualTo("ulfr-v1"));

      AmendmentProposal proposal =
          AmendmentProposal.of(
              covenant.current(), "Recalibrate to ulfr-v2.", parameters(), evidence());
      Ed25519KeyPair validatorKey = net.validatorKeys.get(0);
      var tally =
          AmendmentTally.tally(
              covenant.current(),
              proposal,
              List.of(AmendmentVote.sign(proposal.id(), true, validatorKey)),
              Map.of(KeyId.of(validatorKey.publicKey()), 100L),
              2,
              3);
      assertThat(tally.adopted()).isTrue();
      covenant.amend(
          Json.parse(proposal.entry(), "amendment", io.aurelius.core.json.JsonLimits.UNTRUSTED));
      assertThat(new CovenantUlfr(covenantDir).get()).isEqualTo(V2);

      net.sealUntilEpoch(first.epoch() + 1);
      EpochReport second = v.runEpoch(v.chainEpoch());
      List<Ulfr> after = lenses(second);
      assertThat(after).isNotEmpty().allSatisfy(u -> assertThat(u.weights()).isEqualTo("ulfr-v2"));
      assertThat(after)
          .as("scored with v2's weights: Score = .1U + .1L - .6F - .2Risk")
          .allSatisfy(
              u ->
                  assertThat(u.score())
                      .isCloseTo(V2.score(u.u(), u.l(), u.f(), u.risk()), within()));
    }
  }

  @Test
  void aLogThatIsNotACovenantIsAOneLineError() throws Exception {
    Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(() -> new CovenantUlfr(dir.resolve("empty")).get())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(dir.resolve("empty").toString())
        .hasMessageNotContaining("\n");
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-5);
  }

  private static List<Ulfr> lenses(EpochReport r) {
    return r.miners().stream()
        .flatMap(m -> m.ulfr().stream())
        .flatMap(f -> java.util.stream.Stream.of(f.immersive(), f.control()))
        .flatMap(java.util.Optional::stream)
        .toList();
  }

  private static ObjectNode genesis() {
    ObjectNode g =
        Json.newObject()
            .put("schema", "aurelius/covenant/1")
            .put("type", "genesis")
            .put("purpose", "An open, verifiable corpus of moral reasoning.");
    g.putArray("corpusCriteria").add("approved by a 2/3 stake quorum of validators");
    g.putObject("parameters").put("dlvThreshold", 0.4);
    return g;
  }

  private static ObjectNode parameters() {
    ObjectNode p = Json.newObject();
    p.set("ulfr", V2.toCovenant());
    return p;
  }

  private static ObjectNode evidence() {
    return Json.newObject().put("metric", "regret").put("current", 0.21).put("proposed", 0.14);
  }
}
