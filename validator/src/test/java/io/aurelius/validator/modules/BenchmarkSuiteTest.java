package io.aurelius.validator.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.ConfigDocuments;
import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.config.module.Module;
import io.aurelius.config.module.ModuleSet;
import io.aurelius.config.module.ShippedModules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The published suite: the catalogue plus a sample of accepted configurations every validator picks
 * alike.
 */
class BenchmarkSuiteTest {
  private static List<JsonNode> accepted() {
    List<JsonNode> out = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ObjectNode d =
          (ObjectNode)
              BenchmarkSuite.catalogue(List.of("oyster_reef_commons"), List.of(1L))
                  .configurations()
                  .get(0);
      out.add(d.put("title", "Variant " + i));
    }
    return out;
  }

  @Test
  void theSampleDependsOnTheLabelNotOnTheOrder() {
    List<JsonNode> a = accepted();
    List<JsonNode> b = new ArrayList<>(a);
    Collections.reverse(b);
    BenchmarkSuite one = BenchmarkSuite.published(a, 2, "epoch-9", BenchmarkSuite.DEFAULT_SEEDS);
    BenchmarkSuite two = BenchmarkSuite.published(b, 2, "epoch-9", BenchmarkSuite.DEFAULT_SEEDS);
    int catalogue = Catalogue.names().size();
    assertThat(one.configurations()).hasSize(catalogue + 2).isEqualTo(two.configurations());
    assertThat(one.seeds()).containsExactly(1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void theEpochSuiteIsTheCatalogueAndTwoAcceptedConfigurationsNotAlreadyInIt() {
    JsonNode reef =
        BenchmarkSuite.catalogue(List.of("oyster_reef_commons"), List.of(1L))
            .configurations()
            .get(0);
    List<JsonNode> accepted = new ArrayList<>(List.of(reef, reef));
    accepted.addAll(accepted());
    accepted.addAll(accepted());
    int catalogue = Catalogue.names().size();
    BenchmarkSuite suite = BenchmarkSuite.epoch(accepted, "1:abc");
    assertThat(suite.seeds()).containsExactly(1L, 2L, 3L);
    assertThat(suite.configurations()).hasSize(catalogue + BenchmarkSuite.EPOCH_SAMPLE);
    assertThat(suite.configurations().stream().map(d -> ConfigDocuments.id(d).hex()).distinct())
        .as("a catalogue scenario or a duplicate is not sampled again")
        .hasSize(catalogue + BenchmarkSuite.EPOCH_SAMPLE);
    assertThat(BenchmarkSuite.epoch(List.of(reef), "1:abc").configurations()).hasSize(catalogue);
  }

  @Test
  void anAcceptedConfigurationThatNoLongerLoadsIsNotSampled() {
    Module recollect = ShippedModules.load("recollect", ModuleSet.BASE);
    ObjectNode importing = (ObjectNode) accepted().get(0);
    importing.withArray("imports").addObject().put("module", recollect.id().hex());
    int catalogue = Catalogue.names().size();
    assertThat(BenchmarkSuite.epoch(List.of(importing), ModuleSet.BASE).configurations())
        .as("its import is not in the world model")
        .hasSize(catalogue);
    assertThat(
            BenchmarkSuite.epoch(List.of(importing), ModuleSet.BASE.plus(recollect))
                .configurations())
        .hasSize(catalogue + 1);
  }

  @Test
  void anEmptySuiteIsRefused() {
    assertThatThrownBy(() -> new BenchmarkSuite(List.of(), List.of(1L)))
        .hasMessageContaining("expected: at least one configuration and one seed");
    assertThatThrownBy(() -> BenchmarkSuite.catalogue(List.of("nowhere"), List.of(1L)))
        .hasMessageContaining("no catalogue scenario nowhere");
  }

  @Test
  void theEpochSuiteIsTheOneItsSettingsName() {
    List<JsonNode> accepted = accepted();
    SuiteSettings settings =
        new SuiteSettings(List.of("keel_sale_trust", "oyster_reef_commons"), 3, 4);
    BenchmarkSuite suite = BenchmarkSuite.epoch(accepted, ModuleSet.BASE, settings);
    assertThat(suite.seeds()).containsExactly(1L, 2L, 3L, 4L);
    assertThat(suite.configurations()).hasSize(2 + 3);
    assertThat(suite.configurations().subList(0, 2))
        .as("the named scenarios first, in the order named")
        .isEqualTo(
            BenchmarkSuite.catalogue(List.of("keel_sale_trust", "oyster_reef_commons"), List.of(1L))
                .configurations());
    assertThat(suite.configurations().subList(2, 5))
        .as("then the sample, the same as the published suite's with that label")
        .isEqualTo(
            BenchmarkSuite.published(
                    accepted, 3, ModuleSet.BASE.version().toString(), BenchmarkSuite.DEFAULT_SEEDS)
                .configurations()
                .subList(Catalogue.names().size(), Catalogue.names().size() + 3));

    BenchmarkSuite catalogueOnly =
        BenchmarkSuite.epoch(
            accepted, ModuleSet.BASE, new SuiteSettings(List.of("keel_sale_trust"), 0, 1));
    assertThat(catalogueOnly.configurations()).as("sample 0: the scenarios alone").hasSize(1);
    assertThat(catalogueOnly.seeds()).containsExactly(1L);
  }

  @Test
  void theDefaultSettingsGiveTheDefaultEpochSuite() {
    List<JsonNode> accepted = accepted();
    assertThat(BenchmarkSuite.epoch(accepted, ModuleSet.BASE, SuiteSettings.DEFAULTS))
        .isEqualTo(BenchmarkSuite.epoch(accepted, ModuleSet.BASE));
    assertThat(SuiteSettings.DEFAULTS.scenarios()).isEqualTo(Catalogue.names());
    assertThat(SuiteSettings.DEFAULTS.sample()).isEqualTo(2);
    assertThat(SuiteSettings.DEFAULTS.seedList()).containsExactly(1L, 2L, 3L);
    assertThat(ModuleSettings.DEFAULTS.suite()).isEqualTo(SuiteSettings.DEFAULTS);
  }

  @Test
  void badSuiteSettingsAreRefusedNamingTheSetting() {
    assertThatThrownBy(() -> new SuiteSettings(List.of("nowhere"), 2, 3))
        .hasMessageStartingWith("module-suite: no catalogue scenario 'nowhere' (expected: some of");
    assertThatThrownBy(() -> new SuiteSettings(List.of("keel_sale_trust", "keel_sale_trust"), 2, 3))
        .hasMessage("module-suite: 'keel_sale_trust' named twice (expected: each scenario once)");
    assertThatThrownBy(() -> new SuiteSettings(List.of(), 2, 3))
        .hasMessageStartingWith("module-suite: none");
    assertThatThrownBy(() -> new SuiteSettings(Catalogue.names(), 51, 3))
        .hasMessage("module-suite-sample: 51 (expected: 0..50)");
    assertThatThrownBy(() -> new SuiteSettings(Catalogue.names(), -1, 3))
        .hasMessage("module-suite-sample: -1 (expected: 0..50)");
    assertThatThrownBy(() -> new SuiteSettings(Catalogue.names(), 2, 0))
        .hasMessage("module-suite-seeds: 0 (expected: 1..20)");
    assertThatThrownBy(() -> new SuiteSettings(Catalogue.names(), 2, 21))
        .hasMessage("module-suite-seeds: 21 (expected: 1..20)");
  }
}
