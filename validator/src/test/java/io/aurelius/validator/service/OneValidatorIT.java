package io.aurelius.validator.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.anchoring.corpus.CorpusEntry;
import io.aurelius.core.chain.NeuronInfo;
import io.aurelius.validator.epoch.EpochReport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One validator, three real miners and a dev chain on loopback: two whole epochs. */
class OneValidatorIT {
  @TempDir Path dir;

  @Test
  void anEpochAdmitsSimulatesScoresAnchorsAndCommitsThenRevealsWeights() throws Exception {
    try (TestNet net =
        new TestNet(
            dir, 1, List.of(TestNet.catalogue(0), TestNet.catalogue(1), TestNet.catalogue(2)))) {
      io.aurelius.core.metrics.MetricsRegistry metrics =
          new io.aurelius.core.metrics.MetricsRegistry();
      ValidatorService v = net.validator(0, TestNet.settings(net.home(0)), metrics);
      net.sealUntilEpoch(3);
      EpochReport first = v.runEpoch(v.chainEpoch());
      assertThat(first.submissions())
          .hasSize(3)
          .allSatisfy(s -> assertThat(s.outcome()).isEqualTo("admitted"));
      assertThat(first.miners()).hasSize(3);
      assertThat(first.miners()).anySatisfy(m -> assertThat(m.reward()).isPositive());
      assertThat(first.aenesAccepted())
          .as("a lone validator holds all the stake")
          .isPositive()
          .isEqualTo(first.aenesProposed());
      assertThat(first.checkpoint().orElseThrow().size()).isEqualTo(first.aenesAccepted());
      assertThat(first.weights().action()).isEqualTo("committed");
      assertThat(first.weights().status()).isEqualTo("accepted");

      // issue 16 item 6: the validator's state, transcripts and repositories are its owner's only
      Path home = TestNet.settings(net.home(0)).validatorDir();
      assertThat(mode(home)).isEqualTo("rwx------");
      assertThat(mode(home.resolve("state.db"))).isEqualTo("rw-------");
      Path runs = home.resolve("runs").resolve(Long.toString(first.epoch()));
      assertThat(mode(runs)).isEqualTo("rwx------");
      try (var transcripts = java.nio.file.Files.list(runs)) {
        assertThat(transcripts.toList())
            .isNotEmpty()
            .allSatisfy(t -> assertThat(mode(t)).isEqualTo("rw-------"));
      }

      String scraped = metrics.scrape();
      double calls = sum(scraped, "aurelius_model_calls_total{");
      double judged = sum(scraped, "aurelius_judge_calls_total{");
      assertThat(calls).as(scraped).isPositive();
      assertThat(sum(scraped, "aurelius_model_latency_seconds_count{")).isEqualTo(calls);
      assertThat(sum(scraped, "aurelius_model_tokens_total{")).isPositive();
      assertThat(scraped)
          .containsPattern(
              "aurelius_model_tokens_total\\{direction=\"out\",model=\"[^\"]+\"} [1-9]");
      assertThat(judged).as(scraped).isPositive();
      assertThat(scraped)
          .contains(
              "aurelius_validator_pending_simulations 0", "aurelius_validator_pending_aenes 0");

      String self =
          io.aurelius.core.identity.KeyId.of(net.validatorKeys.get(0).publicKey()).address();
      assertThat(sum(scraped, "aurelius_validator_peer_trust{hotkey=\"" + self + "\"}"))
          .as("per-validator trust, labelled by hotkey: a lone validator is the market (about 0)")
          .isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(scraped)
          .contains(
              "aurelius_validator_peer_trust{hotkey=\"" + self + "\"} ",
              "aurelius_validator_peer_trust_quorum_factor{hotkey=\"" + self + "\"} 1.0");

      EpochReport again = v.runEpoch(first.epoch());
      assertThat(again).as("a finished epoch is reported, not rerun").isEqualTo(first);
      assertThat(metrics.scrape())
          .contains(
              "aurelius_validator_submissions_total{outcome=\"admitted\"} 3",
              "aurelius_validator_epochs_total 1");
      assertThat(sum(metrics.scrape(), "aurelius_model_calls_total{"))
          .as("a replayed epoch calls no model")
          .isEqualTo(calls);
      assertThat(sum(metrics.scrape(), "aurelius_judge_calls_total{")).isEqualTo(judged);

      net.sealUntilEpoch(first.epoch() + 1);
      EpochReport second = v.runEpoch(v.chainEpoch());
      assertThat(second.weights().revealed()).as(second.weights().status()).isTrue();
      net.chain.seal();
      List<NeuronInfo.UidWeight> set =
          net.chain.metagraph(true).byHotkey(v.hotkey()).orElseThrow().weights();
      assertThat(set).isNotEmpty();
      assertThat(second.checkpoint().orElseThrow().size())
          .isGreaterThanOrEqualTo(first.checkpoint().get().size());
      assertThat(second.miners()).allSatisfy(m -> assertThat(m.score()).isLessThanOrEqualTo(1.0));
      assertThat(CorpusEntry.SCHEMA).isNotEmpty();
    }
  }

  private static String mode(Path p) {
    try {
      return java.nio.file.attribute.PosixFilePermissions.toString(
          java.nio.file.Files.getPosixFilePermissions(p));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The sum of the samples whose line starts with a prefix. */
  private static double sum(String scrape, String prefix) {
    return scrape
        .lines()
        .filter(l -> l.startsWith(prefix))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }
}
