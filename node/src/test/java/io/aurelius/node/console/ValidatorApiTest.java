package io.aurelius.node.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.validator.epoch.EpochReport;
import io.aurelius.worldmodel.outcome.FramedUlfr;
import io.aurelius.worldmodel.outcome.Ulfr;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the validator page reads of ULFR and Proof of Trust, as the API writes it. */
class ValidatorApiTest {
  @Test
  void aMinersRowCarriesItsConfigurationsUlfrPerFramingWithTheWeightVersion() {
    Ulfr immersive = new Ulfr(0.6, 0.5, 0.1, 0.2, 0.31, "ulfr-v2", 2, 0.5, 0.4, 0);
    Ulfr control = new Ulfr(0.5, 0.5, 0.1, 0.0, 0.25, "ulfr-v2", 2, 0, 0, 0);
    EpochReport.MinerScore scored =
        miner(0, Optional.of(new FramedUlfr(Optional.of(immersive), Optional.of(control), true)));
    EpochReport.MinerScore idle = miner(1, Optional.empty());

    JsonNode json = ValidatorApi.epoch(report(List.of(scored, idle), List.of()));

    JsonNode u = json.path("miners").path(0).path("ulfr");
    assertThat(u.path("measured").asBoolean()).isTrue();
    assertThat(u.path("immersive").path("weights").asText()).isEqualTo("ulfr-v2");
    assertThat(u.path("immersive").path("score").asDouble()).isEqualTo(0.31);
    assertThat(u.path("control").path("score").asDouble()).isEqualTo(0.25);
    assertThat(u.path("difference").asDouble()).isCloseTo(0.06, within());
    assertThat(json.path("miners").path(1).has("ulfr")).as("nothing scored, no lens").isFalse();
  }

  @Test
  void trustIsInMilliTrustAndTheQuorumShareIsStakeTimesFactorOverTheSetsSum() {
    // The dishonest devnet's figures: 60/40 stake, factors 1 → 2 and 1 → 0.25.
    var honest = new EpochReport.TrustStanding("5Honest", 600, 0, -1.988, -1.988, 1.0, 2.0);
    var dishonest =
        new EpochReport.TrustStanding("5Dishonest", 400, 0, -62.408, -62.408, 1.0, 0.25);

    JsonNode rows = ValidatorApi.standings(List.of(honest, dishonest));

    assertThat(rows.path(0).path("trust_mt").asDouble()).isEqualTo(-1988);
    assertThat(rows.path(1).path("change_mt").asDouble()).isEqualTo(-62408);
    assertThat(rows.path(0).path("stake_share").asDouble()).isEqualTo(0.6);
    assertThat(rows.path(0).path("quorum_share").asDouble()).isEqualTo(0.6);
    assertThat(rows.path(0).path("quorum_share_next").asDouble()).isCloseTo(0.923077, within());
    assertThat(rows.path(1).path("quorum_share_next").asDouble()).isCloseTo(0.076923, within());
    assertThat(rows.path(1).path("weight_factor_next").asDouble()).isEqualTo(0.25);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-6);
  }

  private static EpochReport.MinerScore miner(int uid, Optional<FramedUlfr> ulfr) {
    return new EpochReport.MinerScore(
        uid,
        "5Miner" + uid,
        ulfr.map(u -> "c0ffee" + uid),
        0.5,
        0.5,
        0.5,
        0.2,
        true,
        0.5,
        0.05,
        100,
        ulfr);
  }

  private static EpochReport report(
      List<EpochReport.MinerScore> miners, List<EpochReport.TrustStanding> trust) {
    return new EpochReport(
        7,
        70,
        miners,
        List.of(),
        0,
        0,
        0,
        Optional.empty(),
        new EpochReport.WeightsOutcome(List.of(), List.of(), "none", false, "accepted"),
        List.of(),
        trust);
  }
}
