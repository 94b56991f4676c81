package io.aurelius.node.cli.chain;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.aurelius.core.chain.dev.Genesis;
import io.aurelius.core.chain.dev.GenesisCodec;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.node.cli.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a genesis file: JSON if it ends in {@code .json}, YAML otherwise; at most 1 MiB. */
final class GenesisFile {
  private static final int MAX_BYTES = 1 << 20;

  private GenesisFile() {}

  static Genesis read(Path file) {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new UserInputException(
            file + ": genesis file is larger than 1 MiB (expected: a small file)");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new UserInputException(file + ": genesis file not found");
    } catch (IOException e) {
      throw new UserInputException(file + ": cannot read genesis file: " + e.getMessage(), e);
    }
    JsonNode tree;
    if (file.getFileName().toString().endsWith(".json")) {
      try {
        tree = Json.parse(bytes, file.toString(), new JsonLimits(MAX_BYTES, 16, 4096));
      } catch (JsonInputException e) {
        throw new UserInputException(e.getMessage(), e);
      }
    } else {
      try {
        ObjectMapper yaml =
            new ObjectMapper(
                YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
        tree = yaml.readTree(bytes);
      } catch (IOException e) {
        String msg = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        throw new UserInputException(file + ": malformed YAML: " + msg, e);
      }
      if (tree == null || tree.isMissingNode()) {
        throw new UserInputException(file + ": empty genesis file (expected: at least netuid)");
      }
    }
    try {
      return GenesisCodec.fromTree(tree, file.toString());
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage(), e);
    }
  }
}
