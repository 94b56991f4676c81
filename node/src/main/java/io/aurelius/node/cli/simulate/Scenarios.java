package io.aurelius.node.cli.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.config.CompiledConfig;
import io.aurelius.config.ConfigLoader;
import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.config.module.ModuleSet;
import io.aurelius.config.v1.V1Import;
import io.aurelius.config.v1.V1Invalid;
import io.aurelius.config.validation.ConfigInvalidException;
import io.aurelius.config.validation.Limits;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves what a user names as a configuration: a file in {@code aurelius.config/1} form, a file
 * in SN37 {@code schema_v1} form (imported on the fly), {@code catalogue:NAME} for a bundled
 * scenario, or {@code catalogue} for all of them.
 */
final class Scenarios {
  private Scenarios() {}

  static List<CompiledConfig> resolve(List<String> names, CliContext context, ModuleSet adopted) {
    List<CompiledConfig> out = new ArrayList<>();
    for (String name : names) {
      if (name.equals("catalogue")) {
        Catalogue.names().forEach(n -> out.add(catalogue(n, adopted).orElseThrow()));
      } else if (name.startsWith("catalogue:")) {
        String n = name.substring("catalogue:".length());
        out.add(
            catalogue(n, adopted)
                .orElseThrow(
                    () ->
                        new UserInputException(
                            name
                                + ": no such scenario (expected one of: "
                                + String.join(", ", Catalogue.names())
                                + ")")));
      } else {
        out.add(file(context.resolve(Path.of(name)), adopted));
      }
    }
    return out;
  }

  private static Optional<CompiledConfig> catalogue(String name, ModuleSet adopted) {
    return Catalogue.bytes(name)
        .map(
            b ->
                ConfigLoader.load(
                    Json.parse(b, name, Limits.JSON), "catalogue/" + name + ".json", adopted));
  }

  private static CompiledConfig file(Path path, ModuleSet adopted) {
    byte[] bytes;
    try {
      long size = Files.size(path);
      if (size > Limits.MAX_DOCUMENT_BYTES) {
        throw new UserInputException(
            path + ": " + size + " bytes (expected: at most " + Limits.MAX_DOCUMENT_BYTES + ")");
      }
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new UserInputException(
          path + ": no such file (expected: a configuration, catalogue:NAME or catalogue)");
    } catch (IOException e) {
      throw new UserInputException(path + ": cannot read: " + e.getMessage());
    }
    try {
      JsonNode doc = Json.parse(bytes, path.toString(), Limits.JSON);
      if (!doc.has("format") && doc.has("scenes")) {
        return ConfigLoader.load(
            V1Import.convert(doc, bytes.length), path + " (imported from schema_v1)");
      }
      return ConfigLoader.load(doc, path.toString(), adopted);
    } catch (JsonInputException | ConfigInvalidException | V1Invalid e) {
      throw new UserInputException(e.getMessage());
    }
  }
}
