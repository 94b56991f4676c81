package io.aurelius.node.devnet;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.ConfigDocuments;
import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.config.module.Adoption;
import io.aurelius.config.module.Imports;
import io.aurelius.config.module.Module;
import io.aurelius.config.module.ModuleLimits;
import io.aurelius.config.module.ModuleRegistry;
import io.aurelius.config.module.ShippedModules;
import io.aurelius.config.module.WorldModelVersion;
import io.aurelius.config.validation.Limits;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.json.Json;
import io.aurelius.miner.modules.MinerModules;
import io.aurelius.worldmodel.replay.Replay;
import io.aurelius.worldmodel.transcript.Transcript;
import io.aurelius.worldmodel.transcript.TranscriptReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A world-model module on the devnet: the first miner submits a shipped module (placed as {@code
 * aurelius miner module add} places it, signed by the miner) and serves one configuration, a
 * catalogue scenario that imports it. The summary shows each validator's A/B tables, the adoptions
 * in its registry, and the importing configuration's runs replayed under the version they recorded.
 */
public final class DevnetWorldModel {
  private DevnetWorldModel() {}

  /** One validator's runs of the importing configuration: where, under which version, replayed. */
  public record ImportingRuns(Path file, WorldModelVersion version, int runs, int reproduced) {}

  /**
   * The shipped module {@code name}'s document.
   *
   * @throws IllegalArgumentException (one line) for a name that is not a shipped module
   */
  public static byte[] shipped(String name) {
    return ShippedModules.bytes(requireNonNull(name, "name"))
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "module: '" + name + "' (expected: one of " + ShippedModules.names() + ")"));
  }

  /**
   * Puts the shipped module {@code name} in the miner's module directory (the code path of {@code
   * aurelius miner module add}: checked, signed by the miner), and makes the miner's library the
   * one configuration that imports it ({@link #importing}), so every validator is offered that
   * configuration in every epoch.
   */
  static void prepare(DevnetMiner miner, String name) {
    JsonNode document = Json.parse(shipped(name), name, ModuleLimits.JSON);
    MinerModules modules = new MinerModules(miner.modulesDirectory());
    MinerModules.Result result = modules.add(List.of(document), miner::signer);
    if (result.refused()) {
      throw new IllegalStateException("shipped module " + name + ": " + result.problems());
    }
    Module module = result.added().get(0).module();
    miner.libraryOf(List.of(importing(miner.configurations().get(0), module)));
  }

  /**
   * The catalogue scenario {@code scenario} importing {@code module}, named {@code
   * <scenario>_<module name>}.
   */
  public static ObjectNode importing(String scenario, Module module) {
    ObjectNode doc =
        (ObjectNode)
            Json.parse(
                Catalogue.bytes(scenario)
                    .orElseThrow(
                        () -> new IllegalArgumentException("no catalogue scenario " + scenario)),
                scenario,
                Limits.JSON);
    doc.put("name", scenario + "_" + module.name());
    doc.put("title", doc.path("title").asText() + " (with " + module.name() + ")");
    doc.withArray(Imports.MEMBER).addObject().put("module", module.id().hex());
    return doc;
  }

  /** The configuration the first miner serves on a devnet started with a module, if any. */
  public static Optional<JsonNode> importingConfiguration(Devnet devnet) {
    return devnet.module().flatMap(name -> devnet.miners().get(0).documents().stream().findFirst());
  }

  /**
   * The validator's transcripts of configuration {@code id}, each run replayed ({@code aurelius
   * simulate --replay FILE} does the same), in epoch order.
   */
  public static List<ImportingRuns> replayed(DevnetValidator validator, ContentId id) {
    Path runs = validator.service().worldModelRegistry().resolveSibling("runs");
    if (!Files.isDirectory(runs)) {
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(runs)) {
      files =
          walk.filter(f -> f.getFileName().toString().equals(id.hex() + ".jsonl"))
              .sorted(Comparator.comparingLong(f -> epochOf(f.getParent())))
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<ImportingRuns> out = new ArrayList<>();
    for (Path f : files) {
      List<Transcript> transcripts;
      try {
        transcripts = TranscriptReader.read(f);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      int reproduced =
          (int) transcripts.stream().filter(t -> Replay.verify(t).reproduced()).count();
      WorldModelVersion version =
          transcripts.isEmpty() ? WorldModelVersion.BASE : transcripts.get(0).header().worldModel();
      out.add(new ImportingRuns(f, version, transcripts.size(), reproduced));
    }
    return out;
  }

  private static long epochOf(Path dir) {
    try {
      return Long.parseLong(dir.getFileName().toString());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  /** The adoptions in a validator's registry, oldest first. */
  public static List<Adoption> adoptions(DevnetValidator validator) {
    return ModuleRegistry.open(validator.service().worldModelRegistry()).adoptions();
  }

  /** The A/B table files a validator wrote ({@code epoch-E-NAME-ID.txt}), in epoch order. */
  public static List<Path> trials(DevnetValidator validator) {
    Path dir = validator.service().worldModelRegistry().resolveSibling("module-trials");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .sorted(
              Comparator.comparingLong(DevnetWorldModel::trialEpoch)
                  .thenComparing(Path::getFileName))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long trialEpoch(Path table) {
    String name = table.getFileName().toString();
    int end = name.indexOf('-', "epoch-".length());
    try {
      return name.startsWith("epoch-") && end > 0
          ? Long.parseLong(name.substring("epoch-".length(), end))
          : Long.MAX_VALUE;
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  /** Prints the first validator's A/B tables and every validator's adoptions. */
  public static void print(Devnet devnet, PrintWriter out) {
    List<DevnetValidator> validators = devnet.validators();
    out.println("world model:");
    for (Path table : trials(validators.get(0))) {
      out.println("  A/B trial " + table.getFileName() + " (" + validators.get(0).name() + "):");
      try {
        Files.readString(table).lines().forEach(l -> out.println("    " + l));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (DevnetValidator v : validators) {
      List<Adoption> adopted = adoptions(v);
      if (adopted.isEmpty()) {
        out.println("  " + v.name() + ": world model 0 (no adoption)");
      }
      for (Adoption a : adopted) {
        out.println(
            "  "
                + v.name()
                + ": adopted "
                + a.module().name()
                + " "
                + a.module().id().shortHex()
                + " -> world model "
                + a.version());
      }
    }
    importingConfiguration(devnet)
        .ifPresent(
            doc -> {
              ContentId id = ConfigDocuments.id(doc);
              out.println(
                  "  configuration "
                      + doc.path("name").asText()
                      + " "
                      + id.shortHex()
                      + " imports the module (served by "
                      + devnet.miners().get(0).name()
                      + "; refused as not adopted before the adoption):");
              for (DevnetValidator v : validators) {
                List<ImportingRuns> ran = replayed(v, id);
                if (ran.isEmpty()) {
                  out.println("    " + v.name() + ": never ran");
                }
                for (ImportingRuns r : ran) {
                  out.println(
                      "    "
                          + v.name()
                          + ": "
                          + r.runs()
                          + " runs under world model "
                          + r.version()
                          + ", "
                          + r.reproduced()
                          + " of "
                          + r.runs()
                          + " replay to every state hash ("
                          + r.file()
                          + ")");
                }
              }
            });
    out.flush();
  }
}
