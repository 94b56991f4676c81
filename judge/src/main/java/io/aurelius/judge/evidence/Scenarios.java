package io.aurelius.judge.evidence;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.config.CompiledConfig;
import io.aurelius.config.ConfigLoader;
import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.config.v1.V1Import;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The report's configurations: the bundled catalogue, and SN37 examples from a directory. */
public final class Scenarios {
  private Scenarios() {}

  public static List<Scenario> catalogue() {
    List<Scenario> out = new ArrayList<>();
    for (String name : Catalogue.names()) {
      out.add(new Scenario("catalogue:" + name, Label.GOOD, Catalogue.load(name).orElseThrow()));
    }
    return out;
  }

  /**
   * The SN37 {@code schema_v1} examples in a directory ({@code *.json} except the schema),
   * imported; a file named {@code bad_*} is BAD, any other GOOD. Files that do not import are
   * listed in {@code rejected} with the reason, not run.
   */
  public static List<Scenario> sn37(Path dir, List<String> rejected) {
    requireNonNull(dir, "dir");
    requireNonNull(rejected, "rejected");
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files =
          s.filter(p -> p.getFileName().toString().endsWith(".json"))
              .filter(p -> !p.getFileName().toString().equals("schema_v1.json"))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("sn37 directory " + dir + ": " + e.getMessage(), e);
    }
    List<Scenario> out = new ArrayList<>();
    for (Path f : files) {
      String name = f.getFileName().toString();
      try {
        byte[] bytes = Files.readAllBytes(f);
        JsonNode v1 = Json.parse(bytes, name, JsonLimits.UNTRUSTED);
        CompiledConfig config = ConfigLoader.load(V1Import.convert(v1, bytes.length), name);
        out.add(
            new Scenario("sn37:" + name, name.startsWith("bad_") ? Label.BAD : Label.GOOD, config));
      } catch (IOException e) {
        rejected.add(name + ": unreadable: " + e.getMessage());
      } catch (RuntimeException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        rejected.add(name + ": " + m.lines().findFirst().orElse(m));
      }
    }
    return out;
  }
}
