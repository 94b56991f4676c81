package io.aurelius.miner.modules;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.config.ConfigDocuments;
import io.aurelius.config.module.Module;
import io.aurelius.config.module.ModuleLimits;
import io.aurelius.config.module.ModuleProblem;
import io.aurelius.config.module.ModuleReport;
import io.aurelius.config.module.ModuleSet;
import io.aurelius.config.module.Modules;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.json.Json;
import io.aurelius.miner.library.ConfigLibrary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The modules directory of a miner ({@code <home>/miner/modules}, beside the library): one indented
 * JSON file per module, {@code <name>-<id prefix>.json}. A module is checked against the base world
 * model plus the modules already here (so a pack may require one of the miner's own), signed by the
 * miner when it has no signature (the miner is its author), and written only when every module of a
 * call is valid.
 */
public final class MinerModules {
  /** One module of a call: added, or already in the directory. */
  public record Added(Module module, Path file, boolean existed) {}

  private final Path directory;

  public MinerModules(Path directory) {
    this.directory = requireNonNull(directory, "directory");
  }

  /** The modules directory of the miner in {@code home}. */
  public static Path inHome(Path home) {
    return ConfigLibrary.inHome(home).resolveSibling("modules");
  }

  public Path directory() {
    return directory;
  }

  /**
   * Checks every document against the modules here and those before it in the list; if all are
   * valid, signs the unsigned ones with {@code author} (asked for only then) and writes them.
   * Otherwise writes nothing and returns each document's problems (one line each, with its reason
   * code), keyed by its position.
   */
  public Result add(List<JsonNode> documents, Supplier<Signer> author) {
    requireNonNull(author, "author");
    ModuleSet known = known();
    Map<Integer, List<ModuleProblem>> problems = new LinkedHashMap<>();
    List<Module> checked = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      JsonNode doc = documents.get(i);
      Optional<Module> same = Optional.empty();
      ModuleReport report = null;
      try {
        Module read = Modules.read(doc, "$");
        same = known.find(read.id());
      } catch (IllegalArgumentException e) {
        // reported with its reasons by the full check below
      }
      if (same.isPresent()) {
        checked.add(same.get());
        continue;
      }
      report = Modules.validate(doc, known);
      if (!report.valid()) {
        problems.put(i, report.problems());
        continue;
      }
      Module module = report.module().orElseThrow();
      checked.add(module);
      known = known.plus(module);
    }
    if (!problems.isEmpty()) {
      return new Result(List.of(), problems);
    }
    List<Added> added = new ArrayList<>();
    for (Module module : checked) {
      Path file = directory.resolve(module.name() + "-" + module.id().shortHex() + ".json");
      boolean existed = Files.exists(file) || stored().containsKey(module.id().hex());
      if (!existed) {
        JsonNode doc = module.info().document();
        if (module.info().signature().isEmpty()) {
          doc = ConfigDocuments.sign(doc, author.get());
        }
        write(file, doc);
      }
      added.add(new Added(module, file, existed));
    }
    return new Result(added, Map.of());
  }

  /** What {@link #add} did: the modules, or the problems of each refused document by position. */
  public record Result(List<Added> added, Map<Integer, List<ModuleProblem>> problems) {
    public Result {
      added = List.copyOf(added);
      problems = Map.copyOf(problems);
    }

    public boolean refused() {
      return !problems.isEmpty();
    }
  }

  /**
   * The valid modules here, in the order they were checked (file name order, requirements first).
   */
  public List<Module> list() {
    return known().adopted();
  }

  /**
   * The base world model plus every valid module here: what configurations in the miner's library
   * may import. Files that are not valid modules are left out ({@code aurelius module validate}
   * says why).
   */
  public ModuleSet known() {
    Map<String, JsonNode> pending = new LinkedHashMap<>(stored());
    ModuleSet set = ModuleSet.BASE;
    boolean progress = true;
    while (progress && !pending.isEmpty()) {
      progress = false;
      for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
        ModuleReport r = Modules.validate(it.next().getValue(), set);
        if (r.valid() && set.find(r.module().orElseThrow().id()).isEmpty()) {
          set = set.plus(r.module().orElseThrow());
          it.remove();
          progress = true;
        }
      }
    }
    return set;
  }

  /** The module documents here by id, in file-name order; unreadable files are skipped. */
  private Map<String, JsonNode> stored() {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    if (!Files.isDirectory(directory)) {
      return out;
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(directory)) {
      files = listing.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(directory + ": cannot list: " + e.getMessage(), e);
    }
    for (Path file : files) {
      try {
        JsonNode doc = Json.parse(Files.readAllBytes(file), file.toString(), ModuleLimits.JSON);
        out.putIfAbsent(Modules.read(doc, file.toString()).id().hex(), doc);
      } catch (IOException | RuntimeException e) {
        // not a module document
      }
    }
    return out;
  }

  private void write(Path file, JsonNode doc) {
    try {
      Files.createDirectories(directory);
      Path tmp = Files.createTempFile(directory, ".module-", ".tmp");
      Files.writeString(tmp, Json.prettyWriter().writeValueAsString(doc) + "\n");
      Files.move(
          tmp,
          file,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot write: " + e.getMessage(), e);
    }
  }
}
