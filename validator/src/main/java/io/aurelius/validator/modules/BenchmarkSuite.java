package io.aurelius.validator.modules;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.config.ConfigDocuments;
import io.aurelius.config.ConfigLoader;
import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.config.module.ModuleSet;
import io.aurelius.config.validation.Limits;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.json.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fixed, published benchmark of module trials: configuration documents and seeds. The default
 * is the catalogue plus a sample of accepted configurations chosen by id (the ones whose id, hashed
 * with the sample label, sorts first), so every validator holding the same accepted set picks the
 * same sample.
 */
public record BenchmarkSuite(List<JsonNode> configurations, List<Long> seeds) {
  public static final List<Long> DEFAULT_SEEDS = List.of(1L, 2L, 3L, 4L, 5L);

  public BenchmarkSuite {
    configurations =
        configurations.stream().map(JsonNode::deepCopy).map(JsonNode.class::cast).toList();
    seeds = List.copyOf(seeds);
    if (configurations.isEmpty() || seeds.isEmpty()) {
      throw new IllegalArgumentException(
          "benchmark suite: empty (expected: at least one configuration and one seed)");
    }
  }

  /** The seeds of a validator's epoch trials by default ({@link SuiteSettings#DEFAULTS}). */
  public static final List<Long> EPOCH_SEEDS = SuiteSettings.DEFAULTS.seedList();

  /** How many accepted configurations a validator's epoch trials add by default. */
  public static final int EPOCH_SAMPLE = SuiteSettings.DEFAULTS.sample();

  /**
   * The suite a validator's epoch trials run with the default settings: the published suite, that
   * is the whole catalogue plus {@link #EPOCH_SAMPLE} of the configurations it accepted, sampled
   * with {@code label}, seeds {@link #EPOCH_SEEDS}.
   */
  public static BenchmarkSuite epoch(List<JsonNode> accepted, String label) {
    return epoch(accepted, label, SuiteSettings.DEFAULTS);
  }

  /**
   * The suite a validator's epoch trials run: the published suite of {@code settings}, that is its
   * catalogue scenarios plus its sample of the configurations it accepted, sampled with {@code
   * label}, and its seeds.
   */
  public static BenchmarkSuite epoch(
      List<JsonNode> accepted, String label, SuiteSettings settings) {
    return published(accepted, settings.scenarios(), settings.sample(), label, settings.seedList());
  }

  /** As {@link #epoch(List, ModuleSet, SuiteSettings)} with the default settings. */
  public static BenchmarkSuite epoch(List<JsonNode> accepted, ModuleSet current) {
    return epoch(accepted, current, SuiteSettings.DEFAULTS);
  }

  /**
   * As {@link #epoch(List, String, SuiteSettings)} against the world model {@code current}: sampled
   * only from the accepted configurations that still load under it (one importing a module since
   * replaced by its adopted fork does not), labelled with its version.
   */
  public static BenchmarkSuite epoch(
      List<JsonNode> accepted, ModuleSet current, SuiteSettings settings) {
    List<JsonNode> loadable =
        accepted.stream().filter(d -> ConfigLoader.validate(d, current).valid()).toList();
    return epoch(loadable, current.version().toString(), settings);
  }

  /** The named catalogue scenarios. */
  public static BenchmarkSuite catalogue(List<String> names, List<Long> seeds) {
    List<JsonNode> docs = new ArrayList<>();
    for (String n : names) {
      docs.add(
          Json.parse(
              Catalogue.bytes(n)
                  .orElseThrow(() -> new IllegalArgumentException("no catalogue scenario " + n)),
              n,
              Limits.JSON));
    }
    return new BenchmarkSuite(docs, seeds);
  }

  /**
   * The whole catalogue plus {@code sample} accepted configurations, chosen by id; an accepted
   * configuration already in the suite (a catalogue scenario, a duplicate) is not sampled.
   */
  public static BenchmarkSuite published(
      List<JsonNode> accepted, int sample, String label, List<Long> seeds) {
    return published(accepted, Catalogue.names(), sample, label, seeds);
  }

  /**
   * The named catalogue scenarios plus {@code sample} accepted configurations, chosen by id; an
   * accepted configuration already in the suite (one of those scenarios, a duplicate) is not
   * sampled.
   */
  public static BenchmarkSuite published(
      List<JsonNode> accepted, List<String> scenarios, int sample, String label, List<Long> seeds) {
    List<JsonNode> docs = new ArrayList<>(catalogue(scenarios, seeds).configurations());
    Set<String> ids = new HashSet<>();
    docs.forEach(d -> ids.add(ConfigDocuments.id(d).hex()));
    accepted.stream()
        .filter(d -> !ids.contains(ConfigDocuments.id(d).hex()))
        .sorted(Comparator.comparing(d -> rank(d, label)))
        .filter(d -> ids.add(ConfigDocuments.id(d).hex()))
        .limit(sample)
        .forEach(docs::add);
    return new BenchmarkSuite(docs, seeds);
  }

  private static String rank(JsonNode doc, String label) {
    String id = ConfigDocuments.id(doc).hex();
    return ContentId.of((label + ":" + id).getBytes(java.nio.charset.StandardCharsets.UTF_8)).hex();
  }
}
