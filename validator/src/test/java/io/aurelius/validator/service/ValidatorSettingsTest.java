package io.aurelius.validator.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.validator.consensus.Quorum;
import io.aurelius.validator.modules.ModuleSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidatorSettingsTest {
  private final ValidatorSettings d = ValidatorSettings.defaults(Path.of("home"));

  @Test
  void eachWithChangesItsOwnSettingAndKeepsTheOthers() {
    ValidatorSettings s =
        d.withSeeds(5)
            .withQuorum(Quorum.parse("3/4"))
            .withRejudgeRate(0.25)
            .withRejudgeWorkers(7)
            .withMaxProposals(9)
            .withCorpusOrigin("example.org/corpus")
            .withModels(List.of("openai:http://h/v1#m"))
            .withJudges(List.of("embedded"))
            .withDlvThreshold(0.6)
            .withTimeouts(
                Duration.ofSeconds(3),
                Duration.ofMinutes(2),
                Duration.ofSeconds(40),
                Duration.ofSeconds(5));
    assertThat(s.seedsPerFraming()).isEqualTo(5);
    assertThat(s.quorum()).isEqualTo(Quorum.parse("3/4"));
    assertThat(s.rejudgeRate()).isEqualTo(0.25);
    assertThat(s.rejudgeWorkers()).isEqualTo(7);
    assertThat(s.maxProposals()).isEqualTo(9);
    assertThat(s.corpusOrigin()).isEqualTo("example.org/corpus");
    assertThat(s.models()).containsExactly("openai:http://h/v1#m");
    assertThat(s.judging().specs()).containsExactly("embedded");
    assertThat(s.dlvThreshold()).isEqualTo(0.6);
    assertThat(s.judging().threads()).isEqualTo(d.judging().threads());
    assertThat(s.deadlines())
        .isEqualTo(
            new Deadlines(
                Duration.ofSeconds(3),
                Duration.ofMinutes(2),
                d.deadlines().verdicts(),
                Duration.ofSeconds(40),
                Duration.ofSeconds(5)));
    assertThat(s.home()).isEqualTo(d.home());
    assertThat(s.bind()).isEqualTo(d.bind());
    assertThat(s.maxConfigBytes()).isEqualTo(d.maxConfigBytes());
    assertThat(s.perColdkey()).isEqualTo(d.perColdkey());
    assertThat(s.limits()).isEqualTo(d.limits());
    assertThat(s.modules()).isEqualTo(d.modules()).isEqualTo(ModuleSettings.DEFAULTS);
    ModuleSettings stricter = new ModuleSettings(1, 1, 3, 0.0, 10, 0.5);
    ValidatorSettings m = s.withModules(stricter);
    assertThat(m.modules()).isEqualTo(stricter);
    assertThat(m.quorum()).isEqualTo(s.quorum());
    assertThat(m.withSeeds(3).modules()).isEqualTo(stricter);
  }

  @Test
  void aCopyIsCheckedLikeAnyOtherSettings() {
    assertThatThrownBy(() -> d.withSeeds(0)).hasMessage("seeds: 0 (expected: 1..64)");
    assertThatThrownBy(() -> d.withRejudgeWorkers(65))
        .hasMessage("re-judge workers: 65 (expected: 1..64)");
    assertThatThrownBy(() -> d.withDlvThreshold(2))
        .hasMessage("dlv threshold: 2.0 (expected: 0..1)");
    assertThatThrownBy(() -> d.withModules(new ModuleSettings(3, 4, 0, 0.1, 30, 0.25)))
        .hasMessage("module-rounds: 0 (expected: >= 1)");
  }
}
